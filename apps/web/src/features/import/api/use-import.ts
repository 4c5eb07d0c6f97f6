import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../../lib/api/client';
import { saveFile, type ExportFormat } from '../../../lib/api/save-file';

export type ImportReport = Schemas['ImportReportResponse'];
export type ImportKind = 'risks' | 'units';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The language the API words its problems in: the console's. */
function useLang(): 'sv' | 'en' {
  return useTranslation().i18n.language === 'en' ? 'en' : 'sv';
}

/**
 * POST /imports/{kind}: the file as the body. A dry run answers the report; an import with
 * problems answers 422 with the same report, which is handed back rather than thrown.
 */
export function useImport(kind: ImportKind) {
  const lang = useLang();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const call =
        kind === 'risks'
          ? api.POST('/imports/risks', importRequest(file, dryRun, lang))
          : api.POST('/imports/units', importRequest(file, dryRun, lang));
      const { data, error, response } = await call;
      if (response.status === 422) return error as unknown as ImportReport;
      return unwrap(Promise.resolve({ data, error, response }));
    },
  });
}

function importRequest(file: File, dryRun: boolean, lang: 'sv' | 'en') {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return {
    params: { query: { dryRun, lang } },
    // The file's bytes as they are: not JSON.
    body: file as unknown as string,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': type },
  };
}

/** GET /imports/{kind}/template, saved under the name the API gives it. */
export function useImportTemplate(kind: ImportKind) {
  const lang = useLang();
  return useMutation({
    mutationFn: async (format: ExportFormat) => {
      const params = { params: { query: { format, lang } }, parseAs: 'blob' as const };
      const blob = await unwrap<Blob>(
        kind === 'risks'
          ? api.GET('/imports/risks/template', params)
          : api.GET('/imports/units/template', params),
      );
      const name = {
        risks: { sv: 'riskimport', en: 'risk-import' },
        units: { sv: 'enhetsimport', en: 'unit-import' },
      };
      saveFile(blob, `${name[kind][lang]}.${format}`);
    },
  });
}
