import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { saveFile } from '../../../lib/api/save-file';

/** The säkerhetsberättelse as the board receives it: the API's tagged PDF, in the console's language. */
export function useAnnualReportPdf() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ year, area }: { year: number; area: string }) => {
      const blob = await unwrap<Blob>(
        api.GET('/reports/annual/{year}.pdf', {
          params: {
            path: { year },
            query: { area: area || undefined, lang: i18n.language === 'en' ? 'en' : 'sv' },
          },
          parseAs: 'blob',
        }),
      );
      saveFile(blob, `sakerhetsberattelse-${year}${area ? `-${area.toLowerCase()}` : ''}.pdf`);
    },
  });
}
