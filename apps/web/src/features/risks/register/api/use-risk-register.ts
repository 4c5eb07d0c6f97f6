import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../../lib/api/client';
import type { RiskQuery } from '../register-search';

/** One page of the register; the previous page stays on screen while the next one loads. */
export function useRiskRegister(query: RiskQuery, limit: number, offset: number) {
  return useQuery({
    queryKey: ['risks', { ...query, limit, offset }],
    queryFn: () => unwrap(api.GET('/risks', { params: { query: { ...query, limit, offset } } })),
    placeholderData: keepPreviousData,
  });
}
