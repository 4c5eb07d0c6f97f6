import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import type { operations } from '../../../lib/api/schema';

export type RiskFilter = NonNullable<operations['ListRisksController_list']['parameters']['query']>;
export type IncidentFilter = NonNullable<
  operations['ListIncidentsController_list']['parameters']['query']
>;
export type RiskEntry = Schemas['RiskRegisterEntryResponse'];
export type IncidentEntry = Schemas['IncidentRegisterEntryResponse'];

/** The API's own today and 30-day horizon (Swedish time), as the dashboard counts with them. */
export function useHorizon() {
  return useQuery({
    queryKey: ['risks', 'overview'],
    queryFn: () => unwrap(api.GET('/risks/overview')),
    select: (overview) => ({ today: overview.today, horizon: overview.horizon }),
  });
}

/** The first risks of a register filter, and how many there are in all. */
export function useRisks(filter: RiskFilter | undefined) {
  return useQuery({
    queryKey: ['risks', 'list', filter],
    enabled: filter !== undefined,
    queryFn: () => unwrap(api.GET('/risks', { params: { query: { ...filter, limit: 10 } } })),
  });
}

/** The first incidents of an incident filter, and how many there are in all. */
export function useIncidents(filter: IncidentFilter | undefined) {
  return useQuery({
    queryKey: ['incidents', 'list', filter],
    enabled: filter !== undefined,
    queryFn: () => unwrap(api.GET('/incidents', { params: { query: { ...filter, limit: 10 } } })),
  });
}
