import type { ValidationError } from '@nestjs/common';

const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * What no DTO rule sees, refused at the edge as a 400 that names the field (by its path, e.g.
 * `scenario.cause`), anywhere in a body:
 * - text PostgreSQL cannot store: U+0000 in text or jsonb, an unpaired UTF-16 surrogate in jsonb
 *   (such a value would pass the DTO and then fail the append with a 500);
 * - a number JavaScript does not hold exactly: JSON.parse rounds digits beyond 2^53
 *   (9007199254740993 becomes ...992) and turns 1e309 into Infinity, which a range rule may pass
 *   or which overflows further in.
 */
export function unstorableTextErrors(object: object): ValidationError[] {
  const errors: ValidationError[] = [];
  const pending: [string, unknown][] = Object.entries(object);
  while (pending.length > 0) {
    const [path, value] = pending.shift()!;
    const problem = problemOf(path, value);
    if (problem) {
      errors.push({ property: path, value, constraints: problem, children: [] });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) pending.push([`${path}.${key}`, child]);
    }
  }
  return errors;
}

function problemOf(path: string, value: unknown): Record<string, string> | null {
  if (typeof value === 'string' && (value.includes('\u0000') || UNPAIRED_SURROGATE.test(value))) {
    return { storableText: `${path} must not contain NUL characters or unpaired surrogates` };
  }
  if (typeof value === 'number' && !Number.isSafeInteger(Math.trunc(value))) {
    return {
      exactNumber: `${path} must be a number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`,
    };
  }
  return null;
}
