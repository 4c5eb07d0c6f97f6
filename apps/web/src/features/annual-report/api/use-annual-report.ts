import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../../lib/api/client';

export type AnnualReport = Schemas['AnnualSecurityReportResponse'];
export type AreaReport = Schemas['AreaReportResponse'];

/** The annual security report of a year, of one area or of every area in the caller's scope. */
export function useAnnualReport(year: number, area: string) {
  return useQuery({
    queryKey: ['reports', 'annual', year, area],
    queryFn: () =>
      unwrap(
        api.GET('/reports/annual/{year}', {
          params: { path: { year }, query: { area: area || undefined, format: 'json' } },
        }),
      ),
  });
}
