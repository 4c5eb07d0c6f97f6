import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

/** Open risks to link an incident to: those matching a search, else those of the incident's unit. */
export function useRiskChoices(unit: string, search: string, enabled: boolean) {
  const q = search.trim();
  return useQuery({
    queryKey: ['risks', 'choices', unit, q],
    enabled,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/risks', {
            params: {
              query: q
                ? { q, status: 'OPEN', sort: 'title', limit: 50 }
                : { unit, includeSubunits: true, status: 'OPEN', sort: 'title', limit: 50 },
            },
          }),
        )
      ).items,
  });
}
