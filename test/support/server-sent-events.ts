import { bearerFor } from './sign-in';

export interface ServerSentEvent {
  type: string;
  data: any;
}

/** An open text/event-stream, read as it arrives: each event parsed, kept, and waited for. */
export interface EventStreamReader {
  events: ServerSentEvent[];
  /** The first event (already received or still to come) that `matches`; fails after `ms`. */
  next(matches: (event: ServerSentEvent) => boolean, ms?: number): Promise<ServerSentEvent>;
  /** Settles when the server ended the stream (or close() aborted it). */
  ended: Promise<void>;
  close(): void;
}

/** Opens the stream as the test caller `actor` (with `roles`), or with the bearer token given. */
export async function openEventStream(
  url: string,
  caller: string | { bearer: string },
  roles?: string,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const bearer = typeof caller === 'string' ? await bearerFor(caller, roles) : caller.bearer;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${bearer}` },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const events: ServerSentEvent[] = [];
  let waiters: (() => void)[] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          events.push(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        waiters.forEach((wake) => wake());
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    ended,
    async next(matches, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = events.find(matches);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no such event in ${ms} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((wake) => {
          const timer = setTimeout(wake, left);
          waiters.push(() => {
            clearTimeout(timer);
            wake();
          });
        });
        waiters = [];
      }
    },
    close: () => abort.abort(),
  };
}

function parse(block: string): ServerSentEvent {
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  const text = data.join('\n');
  try {
    return { type, data: JSON.parse(text) };
  } catch {
    return { type, data: text };
  }
}
