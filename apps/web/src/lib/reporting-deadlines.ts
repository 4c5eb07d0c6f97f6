import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './api/client';

export type ObligationClock = Schemas['ObligationClockResponse'];
export type StageClock = Schemas['ReportingStageClockResponse'];
export type ReportingDeadline = Schemas['ReportingDeadlineResponse'];

/** The open incidents in the reader's scope with a report to an authority still to make. */
export function useReportingDeadlines(enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'reporting-deadlines'],
    queryFn: () => unwrap(api.GET('/incidents/reporting-deadlines')),
    enabled,
  });
}
