/** How far an import has come: rows checked, then streams appended. */
export type ImportProgress = (phase: 'checking' | 'appending', done: number, total: number) => void;
