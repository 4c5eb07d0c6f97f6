import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../../lib/api/client';

export type HistoryEntry = Schemas['HistoryEntryResponse'];

/** Every event of the risk, in the order of the log, from the event store itself. */
export function useRiskHistory(riskId: string) {
  return useQuery({
    queryKey: ['risks', 'history', riskId],
    queryFn: () => unwrap(api.GET('/risks/{id}/history', { params: { path: { id: riskId } } })),
  });
}
