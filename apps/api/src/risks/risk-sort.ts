import {
  DEFAULT_RISK_SORT,
  RISK_SORT_KEYS,
  type RiskSort,
  type RiskSortKey,
} from '@riskledger/read-models';

/** `score` sorts ascending, `-score` descending. */
export const RISK_SORTS = RISK_SORT_KEYS.flatMap((key) => [key, `-${key}`]);

export function riskSortOf(sort: string | undefined): RiskSort {
  if (sort === undefined) return DEFAULT_RISK_SORT;
  const descending = sort.startsWith('-');
  return { key: (descending ? sort.slice(1) : sort) as RiskSortKey, descending };
}
