import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

/** Only open risks count on the dashboard; the same filter goes into every link to the register. */
export const OPEN = { status: 'OPEN' } as const;

export function useRiskMatrix() {
  return useQuery({
    queryKey: ['risks', 'matrix', OPEN],
    queryFn: () => unwrap(api.GET('/risks/matrix', { params: { query: OPEN } })),
  });
}

export function useRiskOverview() {
  return useQuery({
    queryKey: ['risks', 'overview'],
    queryFn: () => unwrap(api.GET('/risks/overview')),
  });
}

export function useIncidentOverview() {
  return useQuery({
    queryKey: ['incidents', 'overview'],
    queryFn: () => unwrap(api.GET('/incidents/overview')),
  });
}

export function useRiskTrend(area: string | undefined) {
  return useQuery({
    queryKey: ['risks', 'trend', area ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/risks/trend', { params: { query: { months: 24, ...(area ? { area } : {}) } } }),
      ),
  });
}
