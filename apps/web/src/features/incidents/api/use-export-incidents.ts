import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';
import type { IncidentQuery } from './use-incidents';

/** The incidents the filter shows, every page, as CSV: fetched with the token, saved as a file. */
export function useExportIncidents() {
  return useMutation({
    mutationFn: async ({ query, fileName }: { query: IncidentQuery; fileName: string }) => {
      const { limit: _limit, offset: _offset, ...filter } = query;
      const blob = await unwrap<Blob>(
        api.GET('/incidents/export.csv', { params: { query: filter }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
