import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../lib/api/client';

/** The risk exactly as the register held it at a past moment, computed from the log. */
export function useRiskAsOf(riskId: string, asOf: string | undefined) {
  return useQuery({
    queryKey: ['risks', 'as-of', riskId, asOf],
    queryFn: () =>
      unwrap(
        api.GET('/risks/{id}', {
          params: { path: { id: riskId }, query: { asOf: asOf as string } },
        }),
      ),
    enabled: asOf !== undefined,
    // The past does not change.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
