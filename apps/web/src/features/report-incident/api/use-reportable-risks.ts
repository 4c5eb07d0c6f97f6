import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

/**
 * Open risks of the unit (and the units under it) that the caller may read, to name those the
 * incident realised. Not asked for by roles that read no risks (a reporter): they name none here.
 */
export function useReportableRisks(unit: string, mayReadRisks: boolean) {
  return useQuery({
    queryKey: ['risks', 'reportable', unit],
    enabled: mayReadRisks && unit !== '',
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/risks', {
            params: {
              query: { unit, includeSubunits: true, status: 'OPEN', sort: 'title', limit: 100 },
            },
          }),
        )
      ).items,
  });
}
