import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type ReportIncidentRequest = Schemas['ReportIncidentRequest'];

/** POST /incidents: the report; the answer is its id (the register follows through Kafka). */
export function useReportIncident() {
  return useMutation({
    mutationFn: (body: ReportIncidentRequest) => unwrap(api.POST('/incidents', { body })),
  });
}
