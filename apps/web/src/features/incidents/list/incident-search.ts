import type { SearchParams } from '../../../lib/search-params';
import type { IncidentQuery } from '../api/use-incidents';

export const PAGE_SIZE = 50;
export const KINDS = [
  'DEFICIENCY',
  'DEVIATION',
  'NEAR_MISS',
  'SERIOUS_NEAR_MISS',
  'ACCIDENT',
  'CARE_INJURY',
  'IT_INCIDENT',
] as const;
export const STATUSES = [
  'REPORTED',
  'INVESTIGATED',
  'ACTIONS_DECIDED',
  'CLOSED',
  'DISMISSED',
] as const;
export const SORTABLE = ['title', 'kind', 'status', 'severity', 'area', 'occurredAt'] as const;
export type SortField = (typeof SORTABLE)[number];

/** The filter as the URL holds it (the router may hand numbers and booleans for digits and true). */
export interface IncidentFilter {
  kind: string;
  status: string;
  area: string;
  unit: string;
  subunits: boolean;
  minSeverity: string;
  from: string;
  to: string;
  q: string;
  open: boolean;
  sort: string;
  page: number;
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const oneOf = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : '');
const isDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');

export function filterOf(search: SearchParams): IncidentFilter {
  const sort = str(search.sort);
  const page = Number(search.page);
  return {
    kind: oneOf(str(search.kind), KINDS),
    status: oneOf(str(search.status), STATUSES),
    area: str(search.area),
    unit: str(search.unit),
    subunits: str(search.subunits) === 'true',
    minSeverity: oneOf(str(search.minSeverity), ['1', '2', '3', '4', '5']),
    from: isDate(str(search.from)),
    to: isDate(str(search.to)),
    q: str(search.q),
    open: str(search.open) === 'true',
    sort: SORTABLE.includes(sort.replace(/^-/, '') as SortField) ? sort : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Back into the URL: only what is set, so that a shared link stays short. */
export function searchOf(filter: IncidentFilter): SearchParams {
  const search: SearchParams = {};
  for (const key of ['kind', 'status', 'area', 'unit', 'from', 'to', 'q', 'sort'] as const) {
    if (filter[key]) search[key] = filter[key];
  }
  // Numbers and booleans as such: the router writes them bare (open=true), strings it would quote.
  if (filter.minSeverity) search.minSeverity = Number(filter.minSeverity);
  if (filter.unit && filter.subunits) search.subunits = true;
  if (filter.open) search.open = true;
  if (filter.page > 1) search.page = filter.page;
  return search;
}

/** The API's query for the filter: a day's dates become that local day's first and last moment. */
export function queryOf(filter: IncidentFilter): IncidentQuery {
  return {
    kind: (filter.kind || undefined) as IncidentQuery['kind'],
    status: (filter.status || undefined) as IncidentQuery['status'],
    area: filter.area || undefined,
    unit: filter.unit || undefined,
    includeSubunits: filter.unit && filter.subunits ? true : undefined,
    minSeverity: filter.minSeverity ? Number(filter.minSeverity) : undefined,
    occurredFrom: filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : undefined,
    occurredTo: filter.to ? new Date(`${filter.to}T23:59:59.999`).toISOString() : undefined,
    q: filter.q.trim() || undefined,
    open: filter.open || undefined,
    sort: (filter.sort || undefined) as IncidentQuery['sort'],
    limit: PAGE_SIZE,
    offset: (filter.page - 1) * PAGE_SIZE,
  };
}
