import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

export const incidentKey = (id: string) => ['incidents', 'one', id];

export function fetchIncident(id: string) {
  return unwrap(api.GET('/incidents/{id}', { params: { path: { id } } }));
}

export function useIncident(id: string) {
  return useQuery({ queryKey: incidentKey(id), queryFn: () => fetchIncident(id) });
}
