import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../../lib/api/client';
import { exportFileName, saveFile, type ExportFormat } from '../../../../lib/api/save-file';
import type { RiskQuery } from '../register-search';

/** The register as CSV or a spreadsheet (in the console's language), with the filters and order on screen. */
export function useRiskExport() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ query, format }: { query: RiskQuery; format: ExportFormat }) => {
      const blob = await unwrap<Blob>(
        api.GET('/risks/export', {
          params: { query: { ...query, format, lang: i18n.language === 'en' ? 'en' : 'sv' } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, exportFileName('riskregister', format));
    },
  });
}
