import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '../../../../lib/api/client';
import { fetchRisk, riskKey } from './use-risk';

type Body<K extends keyof Schemas> = Schemas[K];
type Path = { params: { path: { id: string } } };
type MitigationPath = { params: { path: { id: string; mitigationId: string } } };

/**
 * The register is a projection fed through Kafka: after a write, wait (briefly) until it has
 * applied that version, so the page shows the change it just made and the next If-Match is right.
 */
async function showWrite(queryClient: QueryClient, riskId: string, version: number) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const risk = await fetchRisk(riskId).catch(() => undefined);
    if (risk && risk.version >= version) {
      queryClient.setQueryData(riskKey(riskId), risk);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  // Lists, counts and histories that include this risk are out of date now.
  await queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === 'risks' && query.queryKey[1] !== 'one',
  });
}

/** One write on one risk, sent with If-Match: the version the page showed. */
function useRiskWrite<V, R extends { version: number }>(
  riskId: string,
  send: (path: Path, headers: { 'If-Match': string }, variables: V) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, ...variables }: V & { version: number }) => {
      const result = await send(
        { params: { path: { id: riskId } } },
        ifMatch(version),
        variables as V,
      );
      await showWrite(queryClient, riskId, result.version);
      return result;
    },
  });
}

export function useAssessRisk(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'AssessRiskRequest'>) =>
    unwrap(api.POST('/risks/{id}/assessments', { ...path, headers, body })),
  );
}

export function usePlanMitigation(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'PlanMitigationRequest'>) =>
    unwrap(api.POST('/risks/{id}/mitigations', { ...path, headers, body })),
  );
}

function onMitigation(path: Path, mitigationId: string): MitigationPath {
  return { params: { path: { ...path.params.path, mitigationId } } };
}

export function useStartMitigation(riskId: string) {
  return useRiskWrite(riskId, (path, headers, { mitigationId }: { mitigationId: string }) =>
    unwrap(
      api.POST('/risks/{id}/mitigations/{mitigationId}/started', {
        ...onMitigation(path, mitigationId),
        headers,
        body: {},
      }),
    ),
  );
}

export function useApplyMitigation(riskId: string) {
  return useRiskWrite(
    riskId,
    (path, headers, { mitigationId, ...body }: { mitigationId: string; note?: string }) =>
      unwrap(
        api.POST('/risks/{id}/mitigations/{mitigationId}/applied', {
          ...onMitigation(path, mitigationId),
          headers,
          body,
        }),
      ),
  );
}

export function useVerifyMitigation(riskId: string) {
  return useRiskWrite(
    riskId,
    (path, headers, { mitigationId, ...body }: { mitigationId: string; effect: string }) =>
      unwrap(
        api.POST('/risks/{id}/mitigations/{mitigationId}/verified', {
          ...onMitigation(path, mitigationId),
          headers,
          body,
        }),
      ),
  );
}

export function useCancelMitigation(riskId: string) {
  return useRiskWrite(
    riskId,
    (path, headers, { mitigationId, ...body }: { mitigationId: string; reason: string }) =>
      unwrap(
        api.POST('/risks/{id}/mitigations/{mitigationId}/cancelled', {
          ...onMitigation(path, mitigationId),
          headers,
          body,
        }),
      ),
  );
}

export function useAssignOwner(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'AssignRiskOwnerRequest'>) =>
    unwrap(api.POST('/risks/{id}/owner', { ...path, headers, body })),
  );
}

/** The API decides the mandate from the token's roles; the role shown is the console's own. */
export function useAcceptRisk(riskId: string) {
  return useRiskWrite(
    riskId,
    (path, headers, { role, ...body }: Body<'AcceptRiskRequest'> & { role: string }) =>
      unwrap(api.POST('/risks/{id}/acceptances', { ...path, headers, body })),
  );
}

export function useRevokeAcceptance(riskId: string) {
  return useRiskWrite(
    riskId,
    (path, headers, { acceptanceId, ...body }: { acceptanceId: string; reason: string }) =>
      unwrap(
        api.POST('/risks/{id}/acceptances/{acceptanceId}/revocation', {
          params: { path: { ...path.params.path, acceptanceId } },
          headers,
          body,
        }),
      ),
  );
}

export function useReviewRisk(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'ReviewRiskRequest'>) =>
    unwrap(api.POST('/risks/{id}/reviews', { ...path, headers, body })),
  );
}

export function useCloseRisk(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'CloseRiskRequest'>) =>
    unwrap(api.POST('/risks/{id}/closure', { ...path, headers, body })),
  );
}

export function useReopenRisk(riskId: string) {
  return useRiskWrite(riskId, (path, headers, body: Body<'ReopenRiskRequest'>) =>
    unwrap(api.POST('/risks/{id}/reopening', { ...path, headers, body })),
  );
}
