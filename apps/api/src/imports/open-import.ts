import { createHash } from 'node:crypto';
import { cellsOf, headerNamer, matchColumns, type ImportColumn } from './import-columns';
import type { ImportLanguage, ImportProblem, Problems } from './import-problems';
import { RowReader } from './row-reader';
import { readSheet, UnreadableFileError } from './spreadsheet-file';

/** Far above a region's register, and what one request reads in a few seconds. */
export const MAX_IMPORT_ROWS = 50_000;

export interface OpenedImport<K extends string> {
  fileSha256: string;
  /** A reader per row with anything in it; none when the file as a whole has a problem. */
  rows: RowReader<K>[];
  /** Problems of the file as a whole or of its header row. */
  problems: ImportProblem[];
}

/** Reads an uploaded file and finds the template's columns in it. */
export async function openImport<K extends string>(
  bytes: Buffer,
  columns: readonly ImportColumn<K>[],
  language: ImportLanguage,
  problem: Problems,
): Promise<OpenedImport<K>> {
  // The hash of the bytes as sent: the same file always has the same hash, the import's identity.
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  let sheet;
  try {
    sheet = await readSheet(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return {
      fileSha256,
      rows: [],
      problems: [problem(null, null, 'unreadable-file', error.message)],
    };
  }
  const { at, problems } = matchColumns(sheet.headers, columns, problem);
  if (sheet.rows.length === 0) problems.push(problem(null, null, 'no-rows'));
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    problems.push(problem(null, null, 'too-many-rows', String(MAX_IMPORT_ROWS)));
  }
  if (problems.length > 0) return { fileSha256, rows: [], problems };
  const header = headerNamer(sheet.headers, at, columns, language);
  return {
    fileSha256,
    rows: sheet.rows.map((row) => new RowReader(cellsOf(row, at, columns), problem, header)),
    problems,
  };
}
