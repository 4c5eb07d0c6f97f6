import { Client } from 'pg';

/** What a channel's listener is told. */
export interface ChannelListenerEvents {
  onNotification: (payload: string) => void;
  /**
   * It listens: at first (`again` false), and after the connection was lost and found again
   * (`again` true: what was notified meanwhile is unknown).
   */
  onListening?: (again: boolean) => void;
  onConnectionLost?: (error: Error) => void;
}

const RECONNECT_MS = 1000;

/**
 * Listens on a PostgreSQL channel (LISTEN) on a connection of its own until the returned stop is
 * called, connecting again a second after the connection is lost or cannot be made.
 */
export function listenOnChannel(
  databaseUrl: string,
  channel: string,
  { onNotification, onListening, onConnectionLost }: ChannelListenerEvents,
): () => Promise<void> {
  let client: Client | null = null;
  let stopped = false;
  let lostOnce = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    retry = null;
    if (stopped) return;
    const next = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    const lost = (error: Error) => {
      if (client !== next) return;
      client = null;
      lostOnce = true;
      void next.end().catch(() => undefined);
      if (stopped) return;
      onConnectionLost?.(error);
      retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    next.on('notification', (message) => onNotification(message.payload ?? ''));
    next.on('error', lost);
    next.on('end', () => lost(new Error('the connection ended')));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(error as Error);
      return;
    }
    if (client === next) onListening?.(lostOnce);
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
