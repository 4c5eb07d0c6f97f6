import { listenOnChannel } from './channel-listener';

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

/** What listenForAppends reports besides the appends: the connection lost. */
export interface AppendListenerEvents {
  onAppended: () => void;
  onConnectionLost?: (error: Error) => void;
}

/**
 * Listens on LOG_APPENDED_CHANNEL until the returned stop is called (listenOnChannel).
 * `onAppended` is also called each time it starts listening: appends committed while nobody
 * listened went unannounced.
 */
export function listenForAppends(
  databaseUrl: string,
  { onAppended, onConnectionLost }: AppendListenerEvents,
): () => Promise<void> {
  return listenOnChannel(databaseUrl, LOG_APPENDED_CHANNEL, {
    onNotification: () => onAppended(),
    onListening: () => onAppended(),
    onConnectionLost,
  });
}
