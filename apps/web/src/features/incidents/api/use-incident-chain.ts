import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

/** What followed from the incident, in the order of the log (history.read). */
export function useIncidentChain(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['incidents', 'chain', id],
    enabled,
    queryFn: () => unwrap(api.GET('/incidents/{id}/chain', { params: { path: { id } } })),
  });
}
