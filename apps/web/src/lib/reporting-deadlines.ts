import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './api/client';

export type ObligationClock = Schemas['ObligationClockResponse'];
export type StageClock = Schemas['ReportingStageClockResponse'];

/**
 * The open incidents in the reader's scope with a report to an authority still to make: the
 * `limit` most urgent, and how many there are.
 */
export function useReportingDeadlines(limit: number) {
  return useQuery({
    queryKey: ['incidents', 'reporting-deadlines', limit],
    queryFn: () =>
      unwrap(api.GET('/incidents/reporting-deadlines', { params: { query: { limit } } })),
  });
}
