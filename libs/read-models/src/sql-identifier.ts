/**
 * A table name for SQL text. Read models address tables by name (the live one or a rebuild's
 * copy), so a name is checked before it is put into a statement.
 */
export function sqlIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return name;
}
