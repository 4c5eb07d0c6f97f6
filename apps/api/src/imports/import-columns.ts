import type { SheetRow } from './spreadsheet-file';
import type { ImportLanguage, ImportProblem, Problems } from './import-problems';

/** One column of an import template: its headers, whether it must be filled in, and what it takes. */
export interface ImportColumn<K extends string = string> {
  readonly key: K;
  readonly sv: string;
  readonly en: string;
  readonly required: boolean;
  /** What to write in it, for the template's notes and its second sheet. */
  readonly explain: { readonly sv: string; readonly en: string };
  readonly example: string;
}

/** A row's cells by column key ('' where the file has no such column or the cell is empty). */
export type RowCells<K extends string> = Readonly<Record<K, string>> & { readonly row: number };

/**
 * Finds the template's columns among a file's headers, in either language or by key, ignoring
 * case: a file saved from the Swedish template and one from the English both read. A header that
 * is none of them is a problem, not a column to skip: it is likely a misspelt one.
 */
export function matchColumns<K extends string>(
  headers: readonly string[],
  columns: readonly ImportColumn<K>[],
  problem: Problems,
): { at: Map<K, number>; problems: ImportProblem[] } {
  const byName = new Map<string, ImportColumn<K>>();
  for (const column of columns) {
    for (const name of [column.key, column.sv, column.en]) byName.set(normal(name), column);
  }
  const at = new Map<K, number>();
  const problems: ImportProblem[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const column = byName.get(normal(header));
    if (!column) problems.push(problem(1, header, 'unknown-column', header));
    else if (at.has(column.key)) problems.push(problem(1, header, 'duplicate-column', header));
    else at.set(column.key, index);
  });
  for (const column of columns) {
    if (column.required && !at.has(column.key)) {
      problems.push(problem(1, column.sv, 'missing-column', column.sv));
    }
  }
  return { at, problems };
}

export function cellsOf<K extends string>(
  row: SheetRow,
  at: Map<K, number>,
  columns: readonly ImportColumn<K>[],
): RowCells<K> {
  const cells: Record<string, string | number> = { row: row.number };
  for (const { key } of columns) {
    const index = at.get(key);
    cells[key] = index === undefined ? '' : (row.cells[index] ?? '');
  }
  return cells as unknown as RowCells<K>;
}

/** The header a problem names: the file's own header for the column, as the person sees it. */
export function headerNamer<K extends string>(
  headers: readonly string[],
  at: Map<K, number>,
  columns: readonly ImportColumn<K>[],
  language: ImportLanguage,
): (key: K) => string {
  return (key) => {
    const index = at.get(key);
    if (index !== undefined) return headers[index];
    return columns.find((c) => c.key === key)?.[language] ?? key;
  };
}

function normal(name: string): string {
  return name.trim().toLocaleLowerCase('sv');
}
