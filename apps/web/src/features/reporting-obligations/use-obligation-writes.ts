import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

export type Obligation = Schemas['ReportingObligationResponse'];
type Revision = Schemas['ReportingObligationBodyRequest'];

const KEY = ['reporting-obligations'];

export function useObligations() {
  return useQuery({ queryKey: KEY, queryFn: () => unwrap(api.GET('/reporting-obligations')) });
}

/** The obligation writes; each refreshes the list and every clock counted with it. */
export function useObligationWrites() {
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      await queryClient.invalidateQueries({ queryKey: ['incidents'] });
    },
  };
  return {
    revise: useMutation({
      mutationFn: ({ code, body }: { code: string; body: Revision }) =>
        unwrap(
          api.POST('/reporting-obligations/{code}/revisions', { params: { path: { code } }, body }),
        ),
      ...refresh,
    }),
    retire: useMutation({
      mutationFn: ({ code, reason }: { code: string; reason: string }) =>
        unwrap(
          api.POST('/reporting-obligations/{code}/retirement', {
            params: { path: { code } },
            body: { reason },
          }),
        ),
      ...refresh,
    }),
  };
}
