import {
  DEFAULT_INCIDENT_SORT,
  INCIDENT_SORT_KEYS,
  type IncidentSort,
  type IncidentSortKey,
} from '@riskledger/read-models';

/** `occurredAt` sorts ascending, `-occurredAt` descending. */
export const INCIDENT_SORTS = INCIDENT_SORT_KEYS.flatMap((key) => [key, `-${key}`]);

export function incidentSortOf(sort: string | undefined): IncidentSort {
  if (sort === undefined) return DEFAULT_INCIDENT_SORT;
  const descending = sort.startsWith('-');
  return { key: (descending ? sort.slice(1) : sort) as IncidentSortKey, descending };
}
