import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

/** The organisational tree's writes; each refreshes the tree every page picks units from. */
export function useUnitWrites() {
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisational-units'] }),
  };
  const path = (code: string) => ({ params: { path: { code } } });
  return {
    register: useMutation({
      mutationFn: (body: Schemas['RegisterOrganisationalUnitRequest']) =>
        unwrap(api.POST('/organisational-units', { body })),
      ...refresh,
    }),
    rename: useMutation({
      mutationFn: ({ code, name }: { code: string; name: string }) =>
        unwrap(api.POST('/organisational-units/{code}/name', { ...path(code), body: { name } })),
      ...refresh,
    }),
    move: useMutation({
      mutationFn: ({ code, parentCode }: { code: string; parentCode: string }) =>
        unwrap(
          api.POST('/organisational-units/{code}/parent', { ...path(code), body: { parentCode } }),
        ),
      ...refresh,
    }),
    close: useMutation({
      mutationFn: ({ code, reason }: { code: string; reason: string }) =>
        unwrap(
          api.POST('/organisational-units/{code}/closure', { ...path(code), body: { reason } }),
        ),
      ...refresh,
    }),
  };
}
