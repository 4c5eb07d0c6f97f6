/**
 * The generated types leave the API's nullable fields untyped (`Record<string, never> | null`);
 * these read them as what the API documents them to be.
 */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function number(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
