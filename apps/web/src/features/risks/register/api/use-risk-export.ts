import { useMutation } from '@tanstack/react-query';
import { api, ApiError } from '../../../../lib/api/client';
import type { RiskQuery } from '../register-search';

/**
 * The register as CSV, with the filters and order on screen. A plain link cannot carry the bearer
 * token, so the file comes through the API client and is handed to the browser to save.
 */
export function useRiskExport() {
  return useMutation({
    mutationFn: async ({ query, fileName }: { query: RiskQuery; fileName: string }) => {
      const { data, error, response } = await api.GET('/risks/export.csv', {
        params: { query },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw await ApiError.from(response, error);
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file by now; the URL only holds memory.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}
