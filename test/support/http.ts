import { bearerFor } from './sign-in';

/** A small JSON client for tests: every call returns status, headers and parsed body. */
export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function httpClient(baseUrl: string, defaultHeaders: Record<string, string> = {}) {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const sent: Record<string, string> = {
      'content-type': 'application/json',
      ...defaultHeaders,
      ...headers,
    };
    const actor = sent['X-Actor']?.trim();
    if (actor && !sent.Authorization) {
      sent.Authorization = `Bearer ${await bearerFor(actor, sent['X-Actor-Role'], sent['X-Actor-Cleared'] !== 'no')}`;
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: sent,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
  };
}
