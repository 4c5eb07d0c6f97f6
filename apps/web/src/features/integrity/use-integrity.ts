import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '../../lib/api/client';
import { getWithProgress, type Progress } from '../../lib/api/with-progress';

export type IntegrityReport = Schemas['IntegrityReportResponse'];
export type IntegrityProblem = Schemas['IntegrityProblemResponse'];

/**
 * The log checked against its hash chains and seals (the API seals what is new first). It reads
 * every event, so it runs when the page opens and when asked again, never in the background, and
 * says how many events it has checked as it goes.
 */
export function useIntegrity() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const query = useQuery({
    queryKey: ['integrity'],
    queryFn: async ({ signal }) => {
      setProgress(null);
      return getWithProgress<IntegrityReport>('/integrity', setProgress, signal);
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return { ...query, progress };
}
