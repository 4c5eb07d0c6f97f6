/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace, so that equal values give
 * equal bytes (the scheme of RFC 8785, JCS). PostgreSQL's jsonb keeps neither key order nor
 * spacing, so hashes are taken over this form of the values as read back, never over stored text.
 * Numbers use JavaScript's shortest round-trip form, the same on both sides of a round trip through
 * jsonb. Properties whose value is undefined are left out, as JSON.stringify (and so the store) does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
