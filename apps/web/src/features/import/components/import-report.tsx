import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import type { ImportReport } from '../api/use-import';

/** What a dry run found, or an import did: the counts, then every problem by row and column. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = {
    rows: report.rows,
    created: report.created,
    already: report.alreadyImported,
  };
  if (report.problems.length === 0) {
    return (
      <p role="status" className="import-summary">
        {t(report.dryRun ? 'import.report.ready' : 'import.report.done', counts)}
      </p>
    );
  }
  return (
    <>
      <p role="alert" className="import-summary refusal">
        {t('import.report.problems', { count: report.problems.length })}
      </p>
      <ScrollTable label={t('import.report.tableLabel')}>
        <table className="data">
          <caption>{t('import.report.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.report.row')}</th>
              <th scope="col">{t('import.report.column')}</th>
              <th scope="col">{t('import.report.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((problem, index) => (
              <tr key={index}>
                <td>{problem.row ?? t('import.report.wholeFile')}</td>
                <td>{problem.column ?? ''}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
