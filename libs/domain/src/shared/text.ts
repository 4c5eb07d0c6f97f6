import { InvalidValueError } from './errors';

/** Trims a required free-text value and checks its length; the field name goes into the error. */
export function requireText(field: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (text.length === 0) throw new InvalidValueError(field, 'must not be empty');
  if (text.length > maxLength) {
    throw new InvalidValueError(field, `must be at most ${maxLength} characters`);
  }
  return text;
}

/** Like requireText, for values that may be left out; blank counts as left out. */
export function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength: number,
): string | null {
  if (value === undefined || value === null || value.trim().length === 0) return null;
  return requireText(field, value, maxLength);
}
