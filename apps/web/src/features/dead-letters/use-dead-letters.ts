import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';
import { principal } from '../../lib/auth/session';

export type DeadLetter = Schemas['DeadLetterResponse'];

/** The messages the consumers set aside; only those not yet re-driven unless `all`. */
export function useDeadLetters(all: boolean) {
  return useQuery({
    queryKey: ['dead-letters', all],
    queryFn: () =>
      unwrap(api.GET('/dead-letters', { params: { query: { pending: all ? undefined : true } } })),
  });
}

/** Sends one back to its topic, byte for byte; the list then shows who did it and when. */
export function useRedrive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/dead-letters/{id}/redrive', {
          params: { path: { id }, header: { 'X-Actor': principal()?.subject ?? '' } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['dead-letters'] }),
  });
}
