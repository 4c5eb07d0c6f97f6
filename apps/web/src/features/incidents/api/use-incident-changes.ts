import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '../../../lib/api/client';
import { fetchIncident, incidentKey } from './use-incident';

/**
 * A change to the incident as it was shown (If-Match: its version; 409 when someone changed it
 * since). The register follows the store through Kafka, so the page waits until it shows the new
 * version before it counts the change as done: the next form then sends the right version.
 */
function useIncidentChange<Body>(
  id: string,
  send: (version: number, body: Body) => Promise<{ version: number }>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Body }) => {
      const { version: reached } = await send(version, body);
      for (let attempt = 0; attempt < 40; attempt++) {
        const incident = await fetchIncident(id);
        if (incident.version >= reached) {
          client.setQueryData(incidentKey(id), incident);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return reached;
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

const on = (id: string, version: number) => ({ path: { id }, header: ifMatch(version) });

export function useLinkIncidentToRisk(id: string) {
  return useIncidentChange(id, (version, body: Schemas['LinkIncidentToRiskRequest']) =>
    unwrap(api.POST('/incidents/{id}/risk-links', { params: on(id, version), body })),
  );
}

export function useInvestigateIncident(id: string) {
  return useIncidentChange(id, (version, body: Schemas['InvestigateIncidentRequest']) =>
    unwrap(api.POST('/incidents/{id}/investigation', { params: on(id, version), body })),
  );
}

export function useDecideIncidentActions(id: string) {
  return useIncidentChange(id, (version, body: Schemas['DecideIncidentActionsRequest']) =>
    unwrap(api.POST('/incidents/{id}/actions', { params: on(id, version), body })),
  );
}

export function useReportIncidentToAuthority(id: string) {
  return useIncidentChange(id, (version, body: Schemas['ReportIncidentToAuthorityRequest']) =>
    unwrap(api.POST('/incidents/{id}/outward-reports', { params: on(id, version), body })),
  );
}

export function useCloseIncident(id: string) {
  return useIncidentChange(id, (version, body: Schemas['CloseIncidentRequest']) =>
    unwrap(api.POST('/incidents/{id}/closure', { params: on(id, version), body })),
  );
}

export function useDismissIncident(id: string) {
  return useIncidentChange(id, (version, body: Schemas['DismissIncidentRequest']) =>
    unwrap(api.POST('/incidents/{id}/dismissal', { params: on(id, version), body })),
  );
}

export function useAssessPersonalData(id: string) {
  return useIncidentChange(id, (version, body: Schemas['AssessPersonalDataRequest']) =>
    unwrap(api.POST('/incidents/{id}/personal-data', { params: on(id, version), body })),
  );
}
