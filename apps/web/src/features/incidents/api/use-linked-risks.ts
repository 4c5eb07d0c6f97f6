import { useQueries } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

/** The titles of the linked risks, for callers who read risks; a risk they may not see stays an id. */
export function useLinkedRiskTitles(riskIds: string[], enabled: boolean): Map<string, string> {
  const results = useQueries({
    queries: riskIds.map((id) => ({
      queryKey: ['incidents', 'linked-risk', id],
      enabled,
      retry: false,
      queryFn: () => unwrap(api.GET('/risks/{id}', { params: { path: { id } } })),
    })),
  });
  const titles = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) titles.set(riskIds[index], result.data.title);
  });
  return titles;
}
