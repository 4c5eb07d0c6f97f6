import type { INestApplication } from '@nestjs/common';
import { json } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Request bodies are JSON in UTF-8. The JSON parser decodes bytes that are not UTF-8 into U+FFFD
 * without a word, so a body with a broken byte would be stored with a replacement character in
 * it; it is refused instead, as a 400 that names the field the byte is in.
 */
export function useJsonBodies(app: INestApplication): void {
  // Nest adds its own JSON parser only where none is registered (this one has the same name).
  app.use(json({ verify: refuseInvalidUtf8 }));
}

function refuseInvalidUtf8(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  if (!/^utf-?8$/i.test(encoding)) return;
  const at = firstInvalidByte(body);
  if (at === null) return;
  const field = fieldAt(body.subarray(0, at).toString('utf8'));
  const message = field ? `${field} must be valid UTF-8 text` : 'the body must be valid UTF-8 text';
  throw Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true });
}

/** The offset of the first byte that is not part of valid UTF-8, or null. */
function firstInvalidByte(body: Buffer): number | null {
  const validUpTo = (end: number) => {
    try {
      // Streaming: a sequence cut at `end` is not an error; a broken one before it is.
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  if (isUtf8(body)) return null;
  // A body cut in the middle of its last character is broken at that character.
  if (validUpTo(body.length)) return body.length - 1;
  let low = 0;
  let high = body.length;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (validUpTo(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/**
 * The path of the field (e.g. `scenario.cause`, `riskIds.2`) whose value the end of `prefix`, the
 * start of a JSON text, stands in.
 */
function fieldAt(prefix: string): string {
  const open: { key: string | null; index: number | null }[] = [];
  let text: string | null = null;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    const top = open[open.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < prefix.length && prefix[j] !== '"') j += prefix[j] === '\\' ? 2 : 1;
      text = prefix.slice(i + 1, j);
      i = j;
    } else if (c === ':' && top) top.key = text;
    else if (c === '{') open.push({ key: null, index: null });
    else if (c === '[') open.push({ key: null, index: 0 });
    else if (c === ',' && top?.index !== null && top) top.index++;
    else if (c === '}' || c === ']') open.pop();
  }
  return open
    .map((level) => (level.index !== null ? String(level.index) : level.key))
    .filter((part): part is string => part !== null)
    .join('.');
}
