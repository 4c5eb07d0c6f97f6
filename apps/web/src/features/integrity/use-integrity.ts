import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

export type IntegrityReport = Schemas['IntegrityReportResponse'];
export type IntegrityProblem = Schemas['IntegrityProblemResponse'];

/**
 * The log checked against its hash chains and seals (the API seals what is new first). It reads
 * every event, so it runs when the page opens and when asked again, never in the background.
 */
export function useIntegrity() {
  return useQuery({
    queryKey: ['integrity'],
    queryFn: () => unwrap(api.GET('/integrity')),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
