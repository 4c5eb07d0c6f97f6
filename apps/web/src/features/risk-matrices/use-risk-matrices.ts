import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../lib/api/client';

export type MatrixProposal = Schemas['PublishRiskMatrixRequest'];
export type LevelBand = Schemas['LevelBandRequest'];
export type MatrixPreview = Schemas['RiskMatrixPreviewResponse'];

export function useRiskMatrixVersions() {
  return useQuery({
    queryKey: ['risk-matrices'],
    queryFn: () => unwrap(api.GET('/risk-matrices')),
  });
}

/** What a proposal would change, writing nothing. */
export function useMatrixPreview() {
  return useMutation({
    mutationFn: (body: MatrixProposal) => unwrap(api.POST('/risk-matrices/preview', { body })),
  });
}

export type MatrixPublication = ReturnType<typeof useMatrixPublication>;

/** Publishing; the page holds it, since the draft it came from starts afresh on the new version. */
export function useMatrixPublication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MatrixProposal) => unwrap(api.POST('/risk-matrices', { body })),
    // Every page levels and labels risks by the current matrix: all of them read it again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['risk-matrices'] }),
  });
}
