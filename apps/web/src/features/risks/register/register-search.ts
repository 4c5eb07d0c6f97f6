import type { paths } from '../../../lib/api/schema';
import type { SearchParams } from '../../../lib/search-params';

/** GET /risks's query as the generated types know it. */
export type RiskQuery = NonNullable<paths['/risks']['get']['parameters']['query']>;
export type RiskSort = NonNullable<RiskQuery['sort']>;

/**
 * The filters the dashboard links with, which the generated types may not know yet: passed to
 * the API exactly as the URL holds them.
 */
export const LINKED_FILTERS = [
  'basis',
  'likelihood',
  'consequence',
  'reviewDueBefore',
  'acceptanceLapsesBefore',
] as const;

/** The filters the register's own form sets, by their API names (the URL uses the same names). */
export const FORM_FILTERS = [
  'q',
  'area',
  'unit',
  'includeSubunits',
  'level',
  'status',
  'owner',
  'needsReview',
  'reviewOverdue',
  'mitigationOverdue',
] as const;

const BOOLEAN_FILTERS = new Set<string>([
  'includeSubunits',
  'needsReview',
  'reviewOverdue',
  'mitigationOverdue',
]);

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_LIMIT = 25;

/** The register's view in the URL: filters, sort, page and columns. */
export interface RegisterView {
  /** Every filter present in the URL (form and linked ones), as the API wants them. */
  filters: Record<string, string | boolean>;
  sort: RiskSort | undefined;
  limit: number;
  offset: number;
  columns: string[] | undefined;
}

export function readView(search: SearchParams): RegisterView {
  const filters: Record<string, string | boolean> = {};
  for (const key of [...FORM_FILTERS, ...LINKED_FILTERS]) {
    const value = search[key];
    if (value === undefined || value === '') continue;
    // TanStack's search parsing turns "true" and "12" into a boolean and a number: undo that.
    filters[key] = BOOLEAN_FILTERS.has(key) ? value === true || value === 'true' : String(value);
  }
  const limit = Number(search.limit);
  const offset = Number(search.offset);
  return {
    filters,
    sort: typeof search.sort === 'string' ? (search.sort as RiskSort) : undefined,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    columns:
      typeof search.columns === 'string' && search.columns ? search.columns.split(',') : undefined,
  };
}

/** The query for GET /risks (and its CSV export, without the paging). */
export function queryOf(view: RegisterView): RiskQuery {
  const query: RiskQuery & Record<string, unknown> = { ...view.filters };
  // "With subunits" only means something with a unit; a lone flag would be a 400.
  if (!query.unit) delete query.includeSubunits;
  if (view.sort) query.sort = view.sort;
  return query;
}

export function hasFilters(view: RegisterView): boolean {
  return Object.keys(view.filters).length > 0;
}

/** A change of filters starts again at the first page. */
export function withFilters(
  search: SearchParams,
  changes: Record<string, string | boolean | undefined>,
): SearchParams {
  const next: SearchParams = { ...search, offset: undefined };
  for (const [key, value] of Object.entries(changes)) {
    next[key] = value === '' ? undefined : value;
  }
  return next;
}

export function withoutAllFilters(search: SearchParams): SearchParams {
  const next: SearchParams = { ...search, offset: undefined };
  for (const key of [...FORM_FILTERS, ...LINKED_FILTERS]) next[key] = undefined;
  return next;
}

/** Clicking a column's header sorts by it ascending, and a second click descending. */
export function nextSort(current: RiskSort | undefined, field: string): RiskSort {
  return (current === field ? `-${field}` : field) as RiskSort;
}

export function sortDirection(
  current: RiskSort | undefined,
  field: string,
): 'ascending' | 'descending' | 'none' {
  // The API's default order is identifiedAt ascending.
  const effective = current ?? 'identifiedAt';
  if (effective === field) return 'ascending';
  if (effective === `-${field}`) return 'descending';
  return 'none';
}
