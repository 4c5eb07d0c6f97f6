import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import {
  parseChanges,
  READ_MODEL_CHANGES_CHANNEL,
  type ReadModelChange,
} from '@riskledger/read-models';
import { Client } from 'pg';
import { Observable, share } from 'rxjs';

/**
 * What the read models tell: the records a committed batch changed, or `resync` after the
 * listening connection was lost and found again (what was announced meanwhile is unknown, so a
 * page should read everything it shows again).
 */
export type ReadModelSignal = { changes: ReadModelChange[] } | { resync: true };

const RECONNECT_MS = 1000;

/**
 * One LISTEN connection per API process, open while some page listens: the projector's NOTIFY
 * (announcementsOf) arrives here when its transaction commits.
 */
@Injectable()
export class ReadModelListener {
  private readonly logger = new Logger(ReadModelListener.name);
  readonly signals: Observable<ReadModelSignal>;

  constructor(config: AppConfig) {
    this.signals = new Observable<ReadModelSignal>((subscriber) => {
      let client: Client | null = null;
      let retry: NodeJS.Timeout | undefined;
      let stopped = false;
      let lostOnce = false;
      const connect = async () => {
        const next = new Client({ connectionString: config.DATABASE_URL });
        const lose = () => {
          if (client !== next || stopped) return;
          client = null;
          lostOnce = true;
          next.end().catch(() => undefined);
          retry = setTimeout(() => void connect(), RECONNECT_MS);
        };
        next.on('error', lose);
        next.on('end', lose);
        next.on('notification', (message) => {
          if (message.channel !== READ_MODEL_CHANGES_CHANNEL) return;
          const changes = parseChanges(message.payload ?? '');
          if (changes.length > 0) subscriber.next({ changes });
        });
        client = next;
        try {
          await next.connect();
          await next.query(`LISTEN ${READ_MODEL_CHANGES_CHANNEL}`);
          if (lostOnce) subscriber.next({ resync: true });
        } catch (error) {
          this.logger.warn(`cannot listen for read model changes: ${(error as Error).message}`);
          lose();
        }
      };
      void connect();
      return () => {
        stopped = true;
        clearTimeout(retry);
        void client?.end().catch(() => undefined);
      };
    }).pipe(share());
  }
}
