import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import type { paths } from '../../../lib/api/schema';

export type Incident = Schemas['IncidentRegisterEntryResponse'];
export type IncidentQuery = NonNullable<paths['/incidents']['get']['parameters']['query']>;

/** One page of the incident register, as filtered, sorted and paged in the URL. */
export function useIncidents(query: IncidentQuery) {
  return useQuery({
    queryKey: ['incidents', 'list', query],
    queryFn: () => unwrap(api.GET('/incidents', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
