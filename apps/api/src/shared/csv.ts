/** One cell of a CSV export. */
export type CsvValue = string | number | boolean | null;

/**
 * A table as CSV under the columns' English headers (RFC 4180: comma-separated, CRLF line ends, a cell with a comma, quote or line
 * break quoted, quotes doubled), a header row first. Starts with a UTF-8 byte order mark, so that
 * Excel reads å, ä and ö as written.
 */
export function csvOf<T>(
  columns: readonly { readonly en: string; readonly read: (row: T) => CsvValue }[],
  rows: readonly T[],
): string {
  const header = columns.map((column) => column.en);
  const cells = rows.map((row) => columns.map((column) => column.read(row)));
  return (
    '\uFEFF' + [header, ...cells].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
  );
}

/** A cell a spreadsheet would run as a formula is prefixed with ', so it shows as text instead. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
