import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/fields';
import { Page } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName, useAreaOptions } from '../../lib/reference-data';
import type { SearchParams } from '../../lib/search-params';
import { useAnnualReport, type AreaReport } from './api/use-annual-report';
import { useAnnualReportPdf } from './api/use-annual-report-pdf';
import { AreaReportSection } from './components/area-report';
import './annual-report.css';

const route = getRouteApi('/sakerhetsberattelse');

/** Last year by default: the säkerhetsberättelse is written when a year has ended. */
function viewOf(search: SearchParams): { year: number; area: string } {
  const year = Number(search.year);
  return {
    year:
      Number.isInteger(year) && year >= 2000 && year < 2100 ? year : new Date().getFullYear() - 1,
    area: typeof search.area === 'string' ? search.area : '',
  };
}

/** Whether anything was recorded for the area in the year: the others are named together. */
function hasActivity(report: AreaReport): boolean {
  const { goals, risks, incidents, mitigations } = report;
  return (
    goals.total +
      goals.withdrawn +
      risks.identified +
      risks.assessed +
      risks.closed +
      risks.openAtYearEnd +
      incidents.reported +
      mitigations.applied +
      mitigations.verified >
    0
  );
}

/**
 * Säkerhetsberättelse: the year's report per security area, within the caller's scope, read from
 * the log up to a stated moment, and printable from the browser as it stands.
 */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const { year, area } = viewOf(route.useSearch());
  const areaChoices = useAreaOptions();
  const areaName = useAreaName();
  const report = useAnnualReport(year, area);
  const pdf = useAnnualReportPdf();
  const sections = [...(report.data?.areas ?? [])].sort((a, b) =>
    areaName(a.area).localeCompare(areaName(b.area)),
  );
  const active = sections.filter(hasActivity);
  const quiet = sections.filter((section) => !hasActivity(section));
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  const show = (next: { year?: number; area?: string }) => {
    const view = { year, area, ...next };
    void navigate({
      to: '/sakerhetsberattelse',
      search: { year: view.year, ...(view.area ? { area: view.area } : {}) },
    });
  };
  return (
    <Page
      title={t('annualReport.title', { year })}
      actions={
        <>
          <button
            type="button"
            className="button no-print"
            disabled={pdf.isPending}
            onClick={() => pdf.mutate({ year, area })}
          >
            {pdf.isPending ? t('annualReport.pdfBusy') : t('annualReport.pdf')}
          </button>
          <button type="button" className="button no-print" onClick={() => window.print()}>
            {t('annualReport.print')}
          </button>
        </>
      }
    >
      <Refusal error={pdf.error} />
      <p>{t('annualReport.intro')}</p>
      <div
        className="section report-view no-print"
        role="group"
        aria-label={t('annualReport.view')}
      >
        <SelectInput
          label={t('annualReport.year')}
          name="report-year"
          value={String(year)}
          onChange={(next) => show({ year: Number(next) })}
          options={years.map((option) => ({ value: String(option), label: String(option) }))}
        />
        <SelectInput
          label={t('annualReport.area')}
          name="report-area"
          value={area}
          onChange={(next) => show({ area: next })}
          emptyLabel={t('annualReport.allAreas')}
          options={areaChoices}
        />
      </div>
      {report.isPending && <p role="status">{t('common.loading')}</p>}
      <Refusal error={report.error} />
      {report.data && (
        <>
          <p className="muted report-provenance">
            {t('annualReport.readUpTo', {
              from: format.date(report.data.period.from),
              until: format.date(new Date(Date.parse(report.data.period.until) - 1)),
              asOf: format.dateTime(report.data.asOf),
              position: format.number(report.data.lastPosition),
            })}
            <br />
            {t('annualReport.hash', {
              hash: report.data.contentHash,
              status: t(report.data.final ? 'annualReport.final' : 'annualReport.preliminary'),
            })}
          </p>
          {active.length === 0 && <p>{t('annualReport.empty', { year })}</p>}
          {active.map((section) => (
            <AreaReportSection key={section.area} report={section} />
          ))}
          {quiet.length > 0 && (
            <section className="section" aria-labelledby="quiet-areas-title">
              <h2 id="quiet-areas-title">{t('annualReport.quiet.title')}</h2>
              <p>
                {t('annualReport.quiet.text', {
                  areas: quiet.map((section) => areaName(section.area)).join(', '),
                })}
              </p>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
