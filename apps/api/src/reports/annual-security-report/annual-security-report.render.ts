import {
  REPORTED_INCIDENT_KINDS,
  REPORTED_LEVELS,
  type AnnualSecurityReport,
  type AreaReport,
} from './annual-security-report';

/** One row per area, for a spreadsheet; goals as counts (the JSON and text forms list them). */
export function annualReportCsv(report: AnnualSecurityReport): string {
  const header = [
    'year',
    'area',
    'goals_total',
    'goals_met',
    'goals_partly_met',
    'goals_not_met',
    'goals_not_measured',
    'goals_withdrawn',
    'risks_identified',
    'risks_assessed',
    'risks_closed',
    'risks_open_at_year_end',
    ...REPORTED_LEVELS.map((level) => `risks_at_year_end_${level.toLowerCase()}`),
    'incidents_reported',
    ...REPORTED_INCIDENT_KINDS.map((kind) => `incidents_${kind.toLowerCase()}`),
    'mitigations_applied',
    'mitigations_verified',
  ];
  const rows = report.areas.map((a) => [
    report.year,
    a.area,
    a.goals.total,
    a.goals.met,
    a.goals.partlyMet,
    a.goals.notMet,
    a.goals.notMeasured,
    a.goals.withdrawn,
    a.risks.identified,
    a.risks.assessed,
    a.risks.closed,
    a.risks.openAtYearEnd,
    ...REPORTED_LEVELS.map((level) => a.risks.levelsAtYearEnd[level] ?? 0),
    a.incidents.reported,
    ...REPORTED_INCIDENT_KINDS.map((kind) => a.incidents.byKind[kind] ?? 0),
    a.mitigations.applied,
    a.mitigations.verified,
  ]);
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

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
