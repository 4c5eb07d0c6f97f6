import { writeJson, type JsonSpelling } from './json-writer';

/**
 * A JSON value as PostgreSQL's jsonb prints it (`value::jsonb::text`), for values that reached
 * jsonb through JSON.stringify: object keys shorter first, then by their UTF-8 bytes; ", " and
 * ": " between items; numbers as PostgreSQL's numeric prints them (plain decimals, never an
 * exponent). The store hashes this text inside PostgreSQL (hash version 2), so that anyone can
 * check such a hash from the values alone, without the database. Properties whose value is
 * undefined are left out, as JSON.stringify does.
 */
export function jsonbText(value: unknown): string {
  return writeJson(value, JSONB);
}

const JSONB: JsonSpelling = {
  number: numericText,
  order: (keys) =>
    keys
      .map((key) => ({ key, bytes: Buffer.from(key, 'utf8') }))
      .sort((a, b) => a.bytes.length - b.bytes.length || Buffer.compare(a.bytes, b.bytes))
      .map(({ key }) => key),
  itemSeparator: ', ',
  keySeparator: ': ',
};

/**
 * JavaScript's shortest round-trip form of a number, as numeric prints it after parsing that form:
 * the same digits, with an exponent written out (1e+21 → 1000000000000000000000, 1e-7 → 0.0000001).
 */
function numericText(value: number): string {
  const text = JSON.stringify(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponentText] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  const point = 1 + exponent; // where the decimal point falls in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
