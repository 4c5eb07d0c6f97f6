import { Client } from 'pg';

/**
 * The PostgreSQL channel on which appenders tell followers of the log (the relay) that it grew, so
 * that they read at once instead of at their next poll. Only a hint: a follower still polls, and
 * reads what the commit order says, whatever it was told.
 */
export const LOG_APPENDED_CHANNEL = 'log_appended';

/**
 * Followers are told at most this often while appends keep coming: each announcement is a statement
 * of its own, and one per append would cost a steady writer as much as its appends (measured: one
 * writer appended at about 0.6 of its rate without them). The first append after a quiet spell is
 * announced at once; a follower busy with a stream of appends reads on without being told anyway.
 */
export const ANNOUNCE_GAP_MS = 5;

/**
 * Notifies LOG_APPENDED_CHANNEL after appends committed, never inside their transaction: a NOTIFY
 * takes a lock at commit that every notifying transaction on the server queues for, which would
 * serialise concurrent appends. Coalesced: one notification in flight per process, at most one per
 * `gapMs`, and always one after the last append. A notification that fails only leaves the
 * followers to their polls.
 */
export class LogAppendedAnnouncer {
  private sending = false;
  private again = false;

  constructor(
    private readonly notify: () => Promise<unknown>,
    private readonly gapMs = ANNOUNCE_GAP_MS,
  ) {}

  announce(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      const gap = new Promise((resolve) => setTimeout(resolve, this.gapMs).unref());
      await this.notify().catch(() => undefined);
      await gap;
    } while (this.again);
    this.sending = false;
  }
}

export const NOTIFY_LOG_APPENDED = `SELECT pg_notify('${LOG_APPENDED_CHANNEL}', '')`;

/** What listenForAppends reports besides the appends: the connection lost, and found again. */
export interface AppendListenerEvents {
  onAppended: () => void;
  onConnectionLost?: (error: Error) => void;
}

const RECONNECT_MS = 1000;

/**
 * Listens on LOG_APPENDED_CHANNEL on a connection of its own until the returned stop is called,
 * connecting again after it is lost. `onAppended` is also called on each (re)connection: appends
 * committed while nobody listened went unannounced.
 */
export function listenForAppends(
  databaseUrl: string,
  { onAppended, onConnectionLost }: AppendListenerEvents,
): () => Promise<void> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    retry = null;
    if (stopped) return;
    const next = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    const lost = (error: Error) => {
      if (client !== next) return;
      client = null;
      void next.end().catch(() => undefined);
      if (stopped) return;
      onConnectionLost?.(error);
      retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on('notification', () => onAppended());
    next.on('error', lost);
    next.on('end', () => lost(new Error('the connection ended')));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${LOG_APPENDED_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (client === next) onAppended();
    else await next.end().catch(() => undefined);
  };
  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}
