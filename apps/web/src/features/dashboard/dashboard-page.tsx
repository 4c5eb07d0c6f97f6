import { Link } from '@tanstack/react-router';
import { ReportingDeadlines } from '../../components/reporting-clock';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/fields';
import { HeatMap } from '../../components/heat-map';
import { LEVELS } from '../../components/level';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName, useCurrentMatrix, useAreaOptions } from '../../lib/reference-data';
import {
  OPEN,
  useIncidentOverview,
  useRiskMatrix,
  useRiskOverview,
  useRiskTrend,
} from './api/use-dashboard';
import { OpenRisksTrend } from './components/open-risks-trend';

/** Översikt: the state of the register within the caller's scope; every number opens its list. */
export function DashboardPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const matrix = useCurrentMatrix();
  const counts = useRiskMatrix();
  const overview = useRiskOverview();
  const incidents = useIncidentOverview();
  const areaChoices = useAreaOptions(true);
  const [trendArea, setTrendArea] = useState('');
  const trend = useRiskTrend(trendArea || undefined);
  // The API's own day and horizon (Swedish time), so that each link lists exactly what was counted.
  const horizon = overview.data?.horizon;

  const attention = overview.data && [
    {
      key: 'reviewsOverdue',
      count: overview.data.reviews.overdue,
      search: { ...OPEN, reviewOverdue: true },
    },
    {
      key: 'reviewsDue',
      count: overview.data.reviews.dueWithin30Days,
      search: { ...OPEN, reviewOverdue: false, reviewDueBefore: horizon },
    },
    {
      key: 'acceptancesLapsing',
      count: overview.data.acceptances.lapsingWithin30Days,
      search: { ...OPEN, acceptanceLapsesBefore: horizon },
    },
    {
      key: 'mitigationsOverdue',
      count: overview.data.mitigations.overdue,
      search: { ...OPEN, mitigationOverdue: true },
    },
    {
      key: 'needsReview',
      count: overview.data.needsReview,
      search: { ...OPEN, needsReview: true },
    },
  ];

  return (
    <Page title={t('dashboard.title')}>
      <p className="muted">
        {t('dashboard.intro', { date: format.date(overview.data?.today ?? new Date()) })}
      </p>
      <Refusal error={overview.error ?? counts.error ?? incidents.error} />

      <Section title={t('dashboard.heatMaps.title')} id="heat-maps">
        <p>{t('dashboard.heatMaps.text')}</p>
        {counts.data ? (
          <div className="heat-maps">
            <HeatMap
              counts={counts.data.current}
              basis="CURRENT"
              matrix={matrix.data}
              linkSearch={(likelihood, consequence) => ({
                ...OPEN,
                basis: 'CURRENT',
                likelihood,
                consequence,
              })}
            />
            <HeatMap
              counts={counts.data.target}
              basis="TARGET"
              matrix={matrix.data}
              linkSearch={(likelihood, consequence) => ({
                ...OPEN,
                basis: 'TARGET',
                likelihood,
                consequence,
              })}
            />
          </div>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </Section>

      <div className="grid">
        <Section title={t('dashboard.attention.title')} id="attention">
          {attention ? (
            <ul className="attention">
              {attention.map((item) => (
                <li key={item.key}>
                  <Link to="/risker" search={item.search}>
                    {t(`dashboard.attention.${item.key}`)}
                  </Link>
                  <span className="count">{format.number(item.count)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('common.loading')}</p>
          )}
        </Section>

        <Section title={t('dashboard.incidents.title')} id="incidents">
          {incidents.data ? (
            <>
              <p>
                <Link to="/incidenter" search={{ open: true }}>
                  {t('dashboard.incidents.open', { count: incidents.data.open })}
                </Link>
              </p>
              {incidents.data.openByKind.length > 0 && (
                <ul className="attention">
                  {incidents.data.openByKind.map((row) => (
                    <li key={row.kind ?? 'none'}>
                      <Link to="/incidenter" search={{ open: true, kind: row.kind ?? undefined }}>
                        {t(`common.incidentKinds.${row.kind}`, { defaultValue: row.kind ?? '' })}
                      </Link>
                      <span className="count">{format.number(row.count)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {incidents.data.outwardReportsMissing > 0 && (
                <p className="notice warning">
                  <Link to="/incidenter" search={{ open: true, outwardReportsMissing: true }}>
                    {t('dashboard.incidents.reportsMissing', {
                      count: incidents.data.outwardReportsMissing,
                    })}
                  </Link>
                </p>
              )}
            </>
          ) : (
            <p>{t('common.loading')}</p>
          )}
        </Section>
      </div>

      <ReportingDeadlines id="reporting-deadlines" limit={5} />

      <Section title={t('dashboard.byArea.title')} id="by-area">
        {overview.data ? (
          overview.data.byAreaAndLevel.length === 0 ? (
            <p>{t('dashboard.byArea.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{t('dashboard.byArea.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.byArea.area')}</th>
                    {[...LEVELS].reverse().map((level) => (
                      <th scope="col" className="number" key={level}>
                        {t(`common.levels.${level}`)}
                      </th>
                    ))}
                    <th scope="col" className="number">
                      {t('dashboard.byArea.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.data.byAreaAndLevel.map((row) => (
                    <tr key={row.area}>
                      <th scope="row">
                        <Link to="/risker" search={{ ...OPEN, area: row.area }}>
                          {areaName(row.area)}
                        </Link>
                      </th>
                      {[...LEVELS].reverse().map((level) => (
                        <td className="number" key={level}>
                          {row[level] > 0 ? (
                            <Link
                              to="/risker"
                              search={{ ...OPEN, area: row.area, level }}
                              aria-label={t('dashboard.byArea.cell', {
                                count: row[level],
                                area: areaName(row.area),
                                level: t(`common.levels.${level}`),
                              })}
                            >
                              {format.number(row[level])}
                            </Link>
                          ) : (
                            format.number(0)
                          )}
                        </td>
                      ))}
                      <td className="number">{format.number(row.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </Section>

      <Section title={t('dashboard.trend.title')} id="trend">
        <div className="form narrow">
          <SelectInput
            label={t('dashboard.trend.area')}
            name="trendArea"
            value={trendArea}
            onChange={setTrendArea}
            emptyLabel={t('dashboard.trend.wholeRegion')}
            options={areaChoices}
          />
        </div>
        <Refusal error={trend.error} />
        {trend.data ? <OpenRisksTrend months={trend.data.months} /> : <p>{t('common.loading')}</p>}
      </Section>
    </Page>
  );
}
