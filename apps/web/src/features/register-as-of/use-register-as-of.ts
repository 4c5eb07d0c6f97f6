import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

export type RegisterChange = Schemas['RegisterChangeResponse'];
export const PAGE_SIZE = 50;

/** The 5×5 counts of the register as the log held it at a moment. */
export function useMatrixAsOf(asOf: string | undefined) {
  return useQuery({
    queryKey: ['risks', 'matrix', 'asOf', asOf],
    queryFn: () => unwrap(api.GET('/risks/matrix', { params: { query: { asOf } } })),
    enabled: asOf !== undefined,
  });
}

/** A page of the register as it was at a moment. */
export function useRegisterAsOf(asOf: string | undefined, offset: number) {
  return useQuery({
    queryKey: ['risks', 'asOf', asOf, offset],
    queryFn: () =>
      unwrap(api.GET('/risks', { params: { query: { asOf, limit: PAGE_SIZE, offset } } })),
    enabled: asOf !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** What appeared, closed, reopened or changed level between two moments. */
export function useRegisterChanges(from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: ['risks', 'changes', from, to],
    queryFn: () =>
      unwrap(api.GET('/risks/changes', { params: { query: { from: from!, to: to! } } })),
    enabled: from !== undefined && to !== undefined,
  });
}
