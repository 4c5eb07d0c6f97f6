import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { exportFileName, saveFile, type ExportFormat } from '../../../lib/api/save-file';
import type { IncidentQuery } from './use-incidents';

/** The incidents the filter shows, every page, as CSV or a spreadsheet in the console's language. */
export function useExportIncidents() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ query, format }: { query: IncidentQuery; format: ExportFormat }) => {
      const { limit: _limit, offset: _offset, ...filter } = query;
      const blob = await unwrap<Blob>(
        api.GET('/incidents/export', {
          params: { query: { ...filter, format, lang: i18n.language === 'en' ? 'en' : 'sv' } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, exportFileName('incidentregister', format));
    },
  });
}
