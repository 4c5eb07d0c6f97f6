import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../../lib/api/client';

export type Risk = Schemas['RiskRegisterEntryResponse'];
export type Mitigation = Schemas['RegisterMitigationResponse'];
export type Assessment = Schemas['RegisterAssessmentResponse'];
export type Acceptance = Schemas['RegisterAcceptanceResponse'];

export const riskKey = (riskId: string) => ['risks', 'one', riskId] as const;

export function fetchRisk(riskId: string): Promise<Risk> {
  return unwrap(api.GET('/risks/{id}', { params: { path: { id: riskId } } }));
}

/**
 * One risk as the register holds it; its version is what every write sends as If-Match. It is not
 * refetched behind the reader's back (window focus): a form is filled against the version shown,
 * and a change by someone else meanwhile comes back as a 409 with "Läs in igen".
 */
export function useRisk(riskId: string) {
  return useQuery({
    queryKey: riskKey(riskId),
    queryFn: () => fetchRisk(riskId),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}
