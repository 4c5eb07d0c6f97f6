import { accessToken, sessionExpired } from '../auth/session';
import { ApiError } from './client';

/** How far the API's long work has come (its application/x-ndjson progress lines). */
export interface Progress {
  phase?: string;
  done: number;
  total: number;
}

/**
 * GET `path` asking for its progress as it goes: each progress line to `onProgress`, then the
 * answer the API would have given on its own (its body, or an ApiError for a refusal). For the
 * few requests that take seconds (the integrity check); openapi-fetch cannot read a stream.
 */
export async function getWithProgress<T>(
  path: string,
  onProgress: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const token = accessToken();
  const response = await fetch(path, {
    headers: {
      Accept: 'application/x-ndjson, application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    signal,
  });
  if (response.status === 401) sessionExpired();
  if (!response.ok) throw await ApiError.from(response);
  if (!response.headers.get('content-type')?.startsWith('application/x-ndjson')) {
    return (await response.json()) as T;
  }
  let answer: { status: number; body: unknown } | null = null;
  const take = (line: string) => {
    if (!line.trim()) return;
    const value = JSON.parse(line) as { progress: Progress } | { status: number; body: unknown };
    if ('progress' in value) onProgress(value.progress);
    else answer = value;
  };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = (buffer + value).split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(take);
  }
  take(buffer);
  const { status, body } = answer ?? { status: 502, body: { message: 'the answer ended early' } };
  if (status >= 400) {
    throw await ApiError.from(new Response(JSON.stringify(body), { status }), body);
  }
  return body as T;
}
