import {
  REPORTED_INCIDENT_KINDS,
  REPORTED_LEVELS,
  type AnnualSecurityReport,
  type AreaReport,
} from './annual-security-report';
import type { ExportColumn } from '../../platform/table-export';
import { CODES, type ExportLabels } from '../../shared/export-labels';

/**
 * The columns of the report as a table, one row per area; goals as counts (the JSON and text
 * forms list them). The CSV heads them in snake_case English and writes codes.
 */
export function annualReportColumns(
  report: AnnualSecurityReport,
  label: ExportLabels,
): readonly ExportColumn<AreaReport>[] {
  const count = (en: string, sv: string, read: (a: AreaReport) => number) =>
    ({ en, sv, kind: 'number', read }) as const;
  return [
    count('year', 'År', () => report.year),
    { en: 'area', sv: 'Säkerhetsområde', kind: 'text', read: (a) => label.area(a.area) },
    count('goals_total', 'Mål totalt', (a) => a.goals.total),
    count('goals_met', 'Mål uppfyllda', (a) => a.goals.met),
    count('goals_partly_met', 'Mål delvis uppfyllda', (a) => a.goals.partlyMet),
    count('goals_not_met', 'Mål inte uppfyllda', (a) => a.goals.notMet),
    count('goals_not_measured', 'Mål inte mätta', (a) => a.goals.notMeasured),
    count('goals_withdrawn', 'Mål återkallade', (a) => a.goals.withdrawn),
    count('risks_identified', 'Risker identifierade', (a) => a.risks.identified),
    count('risks_assessed', 'Risker bedömda', (a) => a.risks.assessed),
    count('risks_closed', 'Risker avslutade', (a) => a.risks.closed),
    count('risks_open_at_year_end', 'Öppna risker vid årets slut', (a) => a.risks.openAtYearEnd),
    ...REPORTED_LEVELS.map((level) =>
      count(
        `risks_at_year_end_${level.toLowerCase()}`,
        `Risker vid årets slut: ${label.level(level)}`,
        (a) => a.risks.levelsAtYearEnd[level] ?? 0,
      ),
    ),
    count('incidents_reported', 'Incidenter rapporterade', (a) => a.incidents.reported),
    ...REPORTED_INCIDENT_KINDS.map((kind) =>
      count(
        `incidents_${kind.toLowerCase()}`,
        `Incidenter: ${label.incidentKind(kind)}`,
        (a) => a.incidents.byKind[kind] ?? 0,
      ),
    ),
    count('mitigations_applied', 'Åtgärder genomförda', (a) => a.mitigations.applied),
    count('mitigations_verified', 'Åtgärder uppföljda', (a) => a.mitigations.verified),
  ];
}

/** One row per area, for a spreadsheet, codes as codes. */
export function annualReportCsv(report: AnnualSecurityReport): string {
  const columns = annualReportColumns(report, CODES);
  const header = columns.map((column) => column.en);
  const rows = report.areas.map((a) => columns.map((column) => column.read(a) ?? ''));
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The report as a readable document, e.g. to paste into the board's decision papers. */
export function annualReportMarkdown(report: AnnualSecurityReport): string {
  const lines = [
    `# Annual security report ${report.year}`,
    '',
    `Computed from the event log as recorded up to ${report.asOf} (log position ` +
      `${report.lastPosition}); the year runs from ${report.period.from} to ${report.period.until}.`,
  ];
  for (const area of report.areas) lines.push('', ...areaSection(area));
  return lines.join('\n') + '\n';
}

function areaSection(a: AreaReport): string[] {
  const lines = [`## ${a.area}`, '', '### Goals and fulfilment', ''];
  if (a.goals.items.length === 0) lines.push('No goals were set for the year.');
  else {
    lines.push(
      `${a.goals.met} met, ${a.goals.partlyMet} partly met, ${a.goals.notMet} not met, ` +
        `${a.goals.notMeasured} not measured, ${a.goals.withdrawn} withdrawn.`,
      '',
      '| goal | indicator | target | latest value | fulfilment |',
      '|---|---|---|---|---|',
    );
    for (const g of a.goals.items) {
      const target = `${g.direction === 'AT_LEAST' ? '≥' : '≤'} ${g.targetValue} ${g.measurementUnit}`;
      const latest = g.latestValue === null ? '–' : `${g.latestValue} (${g.latestMeasuredOn})`;
      const fulfilment =
        g.status === 'WITHDRAWN' ? `WITHDRAWN: ${g.withdrawnReason}` : g.fulfilment;
      lines.push(
        `| ${cell(g.text)} | ${cell(g.indicator)} | ${target} | ${latest} | ${cell(fulfilment)} |`,
      );
    }
    for (const g of a.goals.items) {
      for (const r of g.revisions) {
        lines.push(
          '',
          `Target of "${g.text}" revised from ${r.previousTargetValue} to ${r.targetValue}: ${r.reason}`,
        );
      }
    }
  }
  const levels = REPORTED_LEVELS.map((level) => `${level} ${a.risks.levelsAtYearEnd[level] ?? 0}`);
  const kinds = REPORTED_INCIDENT_KINDS.filter((kind) => (a.incidents.byKind[kind] ?? 0) > 0).map(
    (kind) => `${kind} ${a.incidents.byKind[kind]}`,
  );
  lines.push(
    '',
    '### Risk analyses',
    '',
    `${a.risks.identified} identified, ${a.risks.assessed} assessed, ${a.risks.closed} closed in ` +
      `the year; ${a.risks.openAtYearEnd} open at year end (${levels.join(', ')}).`,
    '',
    '### Incidents',
    '',
    `${a.incidents.reported} reported` + (kinds.length > 0 ? `: ${kinds.join(', ')}.` : '.'),
    '',
    '### Follow-up and improvements',
    '',
    `${a.mitigations.applied} mitigations applied, ${a.mitigations.verified} verified.`,
  );
  return lines;
}

function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
