import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type MyReport = Schemas['IncidentRegisterEntryResponse'];

/** Enough for anyone's own reports; a reporter's list holds nothing else. */
const LATEST = 200;

/**
 * The caller's own reports, newest first. GET /incidents shows a reporter only their own; other
 * roles see their whole scope, so their own are picked out by who reported them. While a report
 * just sent is not in the register yet (it follows through Kafka), the list asks again each second.
 */
export function useMyReports(subject: string | undefined, awaiting: string | undefined) {
  return useQuery({
    queryKey: ['incidents', 'mine', subject],
    enabled: subject !== undefined,
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/incidents', { params: { query: { sort: '-reportedAt', limit: LATEST } } }),
      );
      return page.items.filter((item) => item.reportedBy === subject);
    },
    refetchInterval: (query) =>
      awaiting && !query.state.data?.some((item) => item.incidentId === awaiting) ? 1000 : false,
  });
}
