import type { ValidationError } from '@nestjs/common';

const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb, nor an unpaired UTF-16 surrogate in jsonb: such
 * a value would pass the DTO and then fail the append with a 500. It is refused at the edge instead,
 * as a 400 that names the field. Nested values (arrays, objects) count for their top-level field.
 */
export function unstorableTextErrors(object: object): ValidationError[] {
  return Object.entries(object)
    .filter(([, value]) => holdsUnstorableText(value))
    .map(([property, value]) => ({
      property,
      value,
      constraints: {
        storableText: `${property} must not contain NUL characters or unpaired surrogates`,
      },
      children: [],
    }));
}

function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || UNPAIRED_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(holdsUnstorableText);
  }
  return false;
}
