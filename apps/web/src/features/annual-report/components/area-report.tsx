import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { useFormat } from '../../../lib/i18n/format';
import { useAreaName } from '../../../lib/reference-data';
import type { AreaReport } from '../api/use-annual-report';

const LEVELS = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'NOT_ASSESSED'] as const;
const FULFILMENTS = ['met', 'partlyMet', 'notMet', 'notMeasured', 'withdrawn'] as const;

/**
 * One security area's part of the säkerhetsberättelse, in the order the region's policy asks for
 * it: goals and their fulfilment, risk analyses, incidents, follow-up and improvements.
 */
export function AreaReportSection({ report }: { report: AreaReport }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const format = useFormat();
  const id = `area-${report.area}`;
  const kinds = Object.entries(report.incidents.byKind).filter(([, count]) => count > 0);
  return (
    <section className="section area-report" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{areaName(report.area)}</h2>

      <h3>{t('annualReport.goals.title')}</h3>
      {report.goals.total === 0 && report.goals.withdrawn === 0 ? (
        <p>{t('annualReport.goals.none')}</p>
      ) : (
        <>
          <ul className="figures">
            {FULFILMENTS.map((key) => (
              <li key={key}>
                {t(`annualReport.goals.${key}`)}: <strong>{report.goals[key]}</strong>
              </li>
            ))}
          </ul>
          <ScrollTable label={t('annualReport.goals.caption', { area: areaName(report.area) })}>
            <table className="data">
              <caption className="visually-hidden">
                {t('annualReport.goals.caption', { area: areaName(report.area) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('annualReport.goals.goal')}</th>
                  <th scope="col">{t('annualReport.goals.indicator')}</th>
                  <th scope="col" className="number">
                    {t('annualReport.goals.target')}
                  </th>
                  <th scope="col" className="number">
                    {t('annualReport.goals.latest')}
                  </th>
                  <th scope="col">{t('annualReport.goals.fulfilment')}</th>
                </tr>
              </thead>
              <tbody>
                {report.goals.items.map((goal) => (
                  <tr key={goal.goalId}>
                    <th scope="row">{goal.text}</th>
                    <td>{goal.indicator}</td>
                    <td className="number">
                      {t(`annualReport.goals.direction.${goal.direction}`, {
                        value: `${format.number(goal.targetValue, 2)} ${goal.measurementUnit}`,
                      })}
                    </td>
                    <td className="number">
                      {goal.latestValue === null
                        ? '–'
                        : `${format.number(goal.latestValue, 2)} ${goal.measurementUnit}`}
                    </td>
                    <td>
                      {goal.status === 'WITHDRAWN'
                        ? t('annualReport.goals.withdrawnBecause', {
                            reason: goal.withdrawnReason ?? '–',
                          })
                        : t(`goals.fulfilment.${goal.fulfilment}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}

      <h3>{t('annualReport.risks.title')}</h3>
      <ul className="figures">
        {(['identified', 'assessed', 'closed', 'openAtYearEnd'] as const).map((key) => (
          <li key={key}>
            {t(`annualReport.risks.${key}`)}: <strong>{report.risks[key]}</strong>
          </li>
        ))}
      </ul>
      {report.risks.openAtYearEnd > 0 && (
        <p>
          {t('annualReport.risks.levels', {
            levels: LEVELS.filter((level) => (report.risks.levelsAtYearEnd[level] ?? 0) > 0)
              .map(
                (level) =>
                  `${t(level === 'NOT_ASSESSED' ? 'common.levels.none' : `common.levels.${level}`).toLowerCase()} ${report.risks.levelsAtYearEnd[level]}`,
              )
              .join(', '),
          })}
        </p>
      )}

      <h3>{t('annualReport.incidents.title')}</h3>
      <p>
        {t('annualReport.incidents.reported', { count: report.incidents.reported })}
        {kinds.length > 0 &&
          ` ${t('annualReport.incidents.byKind', {
            kinds: kinds
              .map(
                ([kind, count]) =>
                  `${t(
                    kind === 'NOT_RECORDED'
                      ? 'annualReport.incidents.notRecorded'
                      : `common.incidentKinds.${kind}`,
                  ).toLowerCase()} ${count}`,
              )
              .join(', '),
          })}`}
      </p>

      <h3>{t('annualReport.followUp.title')}</h3>
      <p>
        {t('annualReport.followUp.text', {
          applied: report.mitigations.applied,
          verified: report.mitigations.verified,
        })}
      </p>
    </section>
  );
}
