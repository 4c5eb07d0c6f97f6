import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../../lib/api/client';

export type IdentifyRiskRequest = Schemas['IdentifyRiskRequest'];

export function useIdentifyRisk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentifyRiskRequest) => unwrap(api.POST('/risks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['risks'] }),
  });
}
