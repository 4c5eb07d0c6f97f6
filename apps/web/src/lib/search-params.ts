/**
 * What a page keeps in its URL (filters, sort, page, the as-of moment), so that a view can be
 * shared and reloaded. Each page reads the keys it knows and checks their values itself.
 */
export type SearchParams = Record<string, string | number | boolean | undefined>;

export function searchParams(raw: Record<string, unknown>): SearchParams {
  const kept: SearchParams = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      kept[key] = value;
  }
  return kept;
}
