import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/format';
import { useAreaName } from '../../../lib/reference-data';
import type { MyReport } from '../api/use-my-reports';
import { text } from '../../../lib/api/nullable';

/**
 * What became of each of the caller's reports, in words: where its handling stands, what the
 * investigation found, how it was closed or why it was dismissed, and the risks it bears on.
 */
export function MyReports({
  reports,
  unitName,
  mayReadRisks,
}: {
  reports: MyReport[];
  unitName: (code: string) => string;
  mayReadRisks: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  if (reports.length === 0) return <p>{t('reportIncident.mine.none')}</p>;
  return (
    <ul className="report-list">
      {reports.map((report) => {
        const findings = text(report.findings);
        const rootCause = text(report.rootCause);
        const summary = text(report.closingSummary);
        const dismissal = text(report.dismissalReason);
        return (
          <li key={report.incidentId} className="report-card">
            <h3>
              <Link to="/incidenter/$incidentId" params={{ incidentId: report.incidentId }}>
                {report.title}
              </Link>
            </h3>
            <p className="status-line">
              <span className="status-word">{t(`common.incidentStatuses.${report.status}`)}</span>
              <span>{t(`reportIncident.mine.meaning.${report.status}`)}</span>
            </p>
            <dl className="facts">
              <dt>{t('reportIncident.mine.kind')}</dt>
              <dd>{report.kind ? t(`common.incidentKinds.${report.kind}`) : '–'}</dd>
              <dt>{t('reportIncident.mine.occurredAt')}</dt>
              <dd>{format.dateTime(report.occurredAt)}</dd>
              <dt>{t('reportIncident.mine.reportedAt')}</dt>
              <dd>{format.dateTime(report.reportedAt)}</dd>
              <dt>{t('reportIncident.mine.where')}</dt>
              <dd>
                {unitName(report.unit)}, {areaName(report.area)}
              </dd>
              {findings && (
                <>
                  <dt>{t('reportIncident.mine.findings')}</dt>
                  <dd>{findings}</dd>
                </>
              )}
              {rootCause && (
                <>
                  <dt>{t('reportIncident.mine.rootCause')}</dt>
                  <dd>{rootCause}</dd>
                </>
              )}
              {report.actions.length > 0 && (
                <>
                  <dt>{t('reportIncident.mine.actions')}</dt>
                  <dd>
                    <ul>
                      {report.actions.map((action, index) => (
                        <li key={index}>{action.description}</li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {summary && (
                <>
                  <dt>{t('reportIncident.mine.closingSummary')}</dt>
                  <dd>{summary}</dd>
                </>
              )}
              {dismissal && (
                <>
                  <dt>{t('reportIncident.mine.dismissalReason')}</dt>
                  <dd>{dismissal}</dd>
                </>
              )}
              <dt>{t('reportIncident.mine.linkedRisks')}</dt>
              <dd>
                {report.linkedRisks.length === 0 ? (
                  t('reportIncident.mine.noLinkedRisks')
                ) : mayReadRisks ? (
                  <ul>
                    {report.linkedRisks.map((link) => (
                      <li key={link.riskId}>
                        <Link to="/risker/$riskId" params={{ riskId: link.riskId }}>
                          {t('reportIncident.mine.risk', { id: link.riskId.slice(0, 8) })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('reportIncident.mine.linkedRiskCount', { count: report.linkedRisks.length })
                )}
              </dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
