import type { ImportProblem, Problems } from './import-problems';
import type { RowCells } from './import-columns';

/** Reads one row's cells into a command's fields, noting every problem rather than the first. */
export class RowReader<K extends string> {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly cells: RowCells<K>,
    private readonly problem: Problems,
    private readonly header: (key: K) => string,
  ) {}

  get row(): number {
    return this.cells.row;
  }

  /** Notes a problem with a column of this row. */
  refuse(key: K, code: Parameters<Problems>[2], value?: string): void {
    this.problems.push(this.problem(this.row, this.header(key), code, value));
  }

  isEmpty(key: K): boolean {
    return this.cells[key].trim() === '';
  }

  /** The cell's text, or null when empty. */
  text(key: K, maxLength: number): string | null {
    const value = this.cells[key].trim();
    if (value === '') return null;
    if (value.length > maxLength) {
      this.refuse(key, 'too-long', String(maxLength));
      return null;
    }
    return value;
  }

  required(key: K, maxLength: number): string {
    const value = this.text(key, maxLength);
    if (value === null && this.cells[key].trim() === '') this.refuse(key, 'required');
    return value ?? '';
  }

  /** A likelihood or consequence: a whole number 1 to 5, or null when empty. */
  score(key: K): number | null {
    const value = this.cells[key].trim();
    if (value === '') return null;
    if (!/^[1-5]$/.test(value)) {
      this.refuse(key, 'not-a-score', value);
      return null;
    }
    return Number(value);
  }

  /** A calendar date, YYYY-MM-DD (an XLSX date cell arrives written so), or null when empty. */
  date(key: K): string | null {
    const value = this.cells[key].trim();
    if (value === '') return null;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      this.refuse(key, 'not-a-date', value);
      return null;
    }
    return value;
  }

  /** One of a closed list of codes, written as the code or a word for it (any case). */
  oneOf(key: K, words: Readonly<Record<string, string>>, required = false): string | null {
    const value = this.cells[key].trim();
    if (value === '' && required) this.refuse(key, 'required');
    if (value === '') return null;
    const code = words[value.toLocaleLowerCase('sv')];
    if (code === undefined) this.refuse(key, 'unknown-value', value);
    return code ?? null;
  }
}

/** The lookup `oneOf` takes: each code and its words, in lower case. */
export function wordsFor(codes: Readonly<Record<string, readonly string[]>>) {
  const words: Record<string, string> = {};
  for (const [code, names] of Object.entries(codes)) {
    for (const name of [code, ...names]) words[name.toLocaleLowerCase('sv')] = code;
  }
  return words;
}
