import { writeJson, type JsonSpelling } from './json-writer';

const CANONICAL: JsonSpelling = {
  number: (value) => JSON.stringify(value),
  order: (keys) => keys.sort(),
  itemSeparator: ',',
  keySeparator: ':',
};

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so that equal values give
 * equal bytes (the scheme of RFC 8785, JCS). PostgreSQL's jsonb keeps neither key order nor
 * spacing, so hashes are taken over this form of the values as read back, never over stored text.
 * Numbers use JavaScript's shortest round-trip form, the same on both sides of a round trip through
 * jsonb. Properties whose value is undefined are left out, as JSON.stringify (and so the store) does.
 */
export function canonicalJson(value: unknown): string {
  return writeJson(value, CANONICAL);
}
