import { accessToken, sessionExpired } from '../auth/session';

/** A record whose read model changed (GET /live's `change`). */
export interface LiveChange {
  streamType: 'risk' | 'incident' | 'goal';
  streamId: string;
  position: number;
  eventType: string;
}

/** How far the registers are behind the log (GET /live's `lag`). */
export interface LiveLag {
  events: number | null;
  seconds: number;
}

export type LiveConnection = 'connecting' | 'open' | 'interrupted';

export interface LiveHandlers {
  change(changes: LiveChange[]): void;
  /** Changes may have been missed (the server lost its listening connection): read again. */
  resync(): void;
  lag(lag: LiveLag): void;
  connection(state: LiveConnection): void;
}

/** Waits before connecting again after a drop: a server restarting is not hammered. */
const RETRY_MS = [1000, 2000, 5000, 10_000, 15_000];

/**
 * Follows GET /live until stopped. EventSource cannot send the bearer token, so this reads the
 * text/event-stream from fetch; a dropped connection is opened again (with the token of the
 * moment) and, since changes may have been missed meanwhile, followed by a resync. The server
 * ends a stream when the token that opened it expires: it is opened again at once, with the
 * session's renewed token (or the sign-in page, if the session has ended).
 */
export function followLive(handlers: LiveHandlers): () => void {
  const abort = new AbortController();
  void (async () => {
    let again = false;
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      handlers.connection(attempt === 0 ? (again ? 'open' : 'connecting') : 'interrupted');
      const opened = await readStream(handlers, abort.signal, again);
      again = true;
      if (opened === 'unauthorised') return sessionExpired();
      if (opened === 'expired') {
        attempt = -1;
        continue;
      }
      if (opened === 'read') attempt = 0;
      await new Promise((wait) =>
        setTimeout(wait, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]),
      );
    }
  })();
  return () => abort.abort();
}

async function readStream(
  handlers: LiveHandlers,
  signal: AbortSignal,
  again: boolean,
): Promise<'read' | 'failed' | 'unauthorised' | 'expired'> {
  const token = accessToken();
  let response: Response;
  try {
    response = await fetch('/live', {
      headers: {
        Accept: 'text/event-stream',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      signal,
    });
  } catch {
    return 'failed';
  }
  if (response.status === 401) return 'unauthorised';
  if (!response.ok || !response.body) return 'failed';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let read = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const { type, data } = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (type === 'ready') {
          read = true;
          handlers.connection('open');
          if (again) handlers.resync();
        } else if (type === 'change') handlers.change((data as { changes: LiveChange[] }).changes);
        else if (type === 'resync') handlers.resync();
        else if (type === 'lag') handlers.lag(data as LiveLag);
        else if (type === 'expired') return 'expired';
      }
    }
  } catch {
    // dropped, or stopped
  }
  return read ? 'read' : 'failed';
}

function parseEvent(block: string): { type: string; data: unknown } {
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  try {
    return { type, data: JSON.parse(data.join('\n')) };
  } catch {
    return { type, data: null };
  }
}
