import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { listenOnChannel } from '@riskledger/event-store';
import {
  parseChanges,
  READ_MODEL_CHANGES_CHANNEL,
  type ReadModelChange,
} from '@riskledger/read-models';
import { Observable, share } from 'rxjs';

/**
 * What the read models tell: the records a committed batch changed, or `resync` after the
 * listening connection was lost and found again (what was announced meanwhile is unknown, so a
 * page should read everything it shows again).
 */
export type ReadModelSignal = { changes: ReadModelChange[] } | { resync: true };

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
      const stop = listenOnChannel(config.DATABASE_URL, READ_MODEL_CHANGES_CHANNEL, {
        onNotification: (payload) => {
          const changes = parseChanges(payload);
          if (changes.length > 0) subscriber.next({ changes });
        },
        onListening: (again) => {
          if (again) subscriber.next({ resync: true });
        },
        onConnectionLost: (error) =>
          this.logger.warn(`cannot listen for read model changes: ${error.message}`),
      });
      return () => void stop();
    }).pipe(share());
  }
}
