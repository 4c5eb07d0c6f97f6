import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

type Body<Name extends keyof Schemas> = Schemas[Name];

/** The area writes; each refreshes the reference data every page names areas by. */
export function useAreaWrites() {
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['security-areas'] }),
  };
  return {
    register: useMutation({
      mutationFn: (body: Body<'RegisterSecurityAreaRequest'>) =>
        unwrap(api.POST('/security-areas', { body })),
      ...refresh,
    }),
    assign: useMutation({
      mutationFn: ({ code, responsible }: { code: string; responsible: string }) =>
        unwrap(
          api.POST('/security-areas/{code}/responsible', {
            params: { path: { code } },
            body: { responsible },
          }),
        ),
      ...refresh,
    }),
    retire: useMutation({
      mutationFn: ({ code, reason }: { code: string; reason: string }) =>
        unwrap(
          api.POST('/security-areas/{code}/retirement', {
            params: { path: { code } },
            body: { reason },
          }),
        ),
      ...refresh,
    }),
  };
}
