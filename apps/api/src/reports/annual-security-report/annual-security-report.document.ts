import { REPORTED_INCIDENT_KINDS, REPORTED_SEVERITIES } from './annual-security-report';
import type { AreaReport, HashedAnnualSecurityReport, RiskProfile } from './annual-security-report';
import type { ExportLanguage } from '../../platform/table-export';
import type { ExportLabels } from '../../shared/export-labels';
import { reportWords, type ReportWords } from './annual-security-report.words';
import { DOCUMENT_STYLE } from './annual-security-report.style';

const LEVELS_HIGH_FIRST = ['VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'NOT_ASSESSED'] as const;
const SCALE = [1, 2, 3, 4, 5] as const;

interface Document {
  report: HashedAnnualSecurityReport;
  language: ExportLanguage;
  labels: ExportLabels;
}

/** The moment the report read the log up to, as the document states it: Swedish time. */
export function reportDate(report: HashedAnnualSecurityReport, language: ExportLanguage): string {
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(report.asOf));
}

/**
 * The säkerhetsberättelse as one self-contained HTML document (no script, no external resource):
 * a summary for the region, then per area the headings of the report a region writes. It is what
 * `Accept: text/html` answers and what Chromium prints to PDF, so both say the same.
 */
export function annualReportHtml(document: Document): string {
  const { report, language, labels } = document;
  const w = reportWords(language);
  // Areas by their names in the document's language, as the console lists them.
  const areas = [...report.areas].sort((a, b) =>
    labels.area(a.area).localeCompare(labels.area(b.area), language),
  );
  const active = areas.filter(hasActivity);
  const quiet = areas.filter((area) => !hasActivity(area));
  const body = [
    `<h1>${esc(w.title(report.year))}</h1>`,
    `<p>${esc(w.intro(report.year))}</p>`,
    `<p class="provenance">${esc(w.provenance(reportDate(report, language), String(report.lastPosition)))}<br>`,
    `${esc(w.hash)}: <code>${report.contentHash}</code></p>`,
    `<p class="status">${esc(report.final ? w.final : w.preliminary)}</p>`,
    summarySection({ ...document, report: { ...report, areas } }, w),
    ...active.map((area) => areaSection(area, labels, w)),
  ];
  if (quiet.length > 0) {
    body.push(
      `<section><h2>${esc(w.quiet)}</h2><p>${esc(w.quietText(quiet.map((a) => labels.area(a.area)).join(', ')))}</p></section>`,
    );
  }
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(w.title(report.year))}</title>`,
    `<meta name="riskledger-content-hash" content="${report.contentHash}">`,
    `<style>${DOCUMENT_STYLE}</style>`,
    '</head>',
    `<body><main>${body.join('\n')}</main></body>`,
    '</html>',
  ].join('\n');
}

/** Whether anything was recorded for the area: the others are named together at the end. */
function hasActivity(a: AreaReport): boolean {
  return (
    a.goals.total +
      a.risks.identified +
      a.risks.assessed +
      a.risks.closed +
      a.risks.openAtYearEnd +
      a.risks.previousYearEnd.openAtYearEnd +
      a.incidents.reported +
      a.mitigations.applied +
      a.mitigations.verified +
      a.mitigations.overdueAtYearEnd >
    0
  );
}

function summarySection({ report, labels }: Document, w: ReportWords): string {
  const high = (p: RiskProfile) =>
    (p.levelsAtYearEnd.HIGH ?? 0) + (p.levelsAtYearEnd.VERY_HIGH ?? 0);
  const row = (name: string, areas: readonly AreaReport[], header: 'th' | 'td' = 'td') => {
    const sum = (read: (a: AreaReport) => number) => areas.reduce((total, a) => total + read(a), 0);
    const open = sum((a) => a.risks.openAtYearEnd);
    const cells = [
      open,
      sum((a) => high(a.risks)),
      signed(open - sum((a) => a.risks.previousYearEnd.openAtYearEnd)),
      sum((a) => a.incidents.reported),
      `${sum((a) => a.goals.met)} / ${sum((a) => a.goals.total - a.goals.withdrawn)}`,
      sum((a) => a.mitigations.overdueAtYearEnd),
    ];
    return `<tr class="${header === 'th' ? 'total' : ''}"><th scope="row">${esc(name)}</th>${cells.map((c) => `<td class="number">${c}</td>`).join('')}</tr>`;
  };
  const headers = [
    w.area,
    w.openRisks,
    w.highRisks,
    w.changeOpen,
    w.incidents,
    w.goalsMet,
    w.overdue,
  ];
  return [
    `<section><h2>${esc(w.summary)}</h2>`,
    `<table><caption>${esc(w.summaryCaption(report.year))}</caption>`,
    `<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...report.areas.map((a) => row(labels.area(a.area), [a])),
    row(w.total, report.areas, 'th'),
    '</tbody></table>',
    `<h3>${esc(w.regionProfile)}</h3>`,
    matrixTable(sumMatrices(report.areas.map((a) => a.risks.matrixAtYearEnd)), w.regionProfile, w),
    '</section>',
  ].join('\n');
}

function areaSection(a: AreaReport, labels: ExportLabels, w: ReportWords): string {
  const name = labels.area(a.area);
  return [
    `<section class="area"><h2>${esc(name)}</h2>`,
    goalsPart(a, w),
    `<h3>${esc(w.riskAnalyses)}</h3>`,
    `<p>${esc(w.riskCounts(a.risks.identified, a.risks.assessed, a.risks.closed, a.risks.openAtYearEnd))}</p>`,
    `<h4>${esc(w.profile)}</h4>`,
    matrixTable(a.risks.matrixAtYearEnd, w.profileCaption(name), w),
    a.risks.levelsAtYearEnd.NOT_ASSESSED
      ? `<p>${esc(w.unassessed(a.risks.levelsAtYearEnd.NOT_ASSESSED))}</p>`
      : '',
    `<h4>${esc(w.change)}</h4>`,
    changeTable(a, name, labels, w),
    `<h4>${esc(w.highest)}</h4>`,
    highestTable(a, name, labels, w),
    incidentsPart(a, name, labels, w),
    `<h3>${esc(w.followUp)}</h3>`,
    `<p>${esc(w.mitigations(a.mitigations.applied, a.mitigations.verified, a.mitigations.overdueAtYearEnd))}</p>`,
    '</section>',
  ].join('\n');
}

function goalsPart(a: AreaReport, w: ReportWords): string {
  const goals = a.goals;
  if (goals.items.length === 0) {
    return `<h3>${esc(w.goals)}</h3><p>${esc(w.noGoals)}</p><h3>${esc(w.fulfilmentTitle)}</h3><p>${esc(w.noGoals)}</p>`;
  }
  const target = (g: AreaReport['goals']['items'][number]) =>
    `${g.direction === 'AT_LEAST' ? w.atLeast : w.atMost} ${g.targetValue} ${g.measurementUnit}`;
  return [
    `<h3>${esc(w.goals)}</h3>`,
    table(
      [w.goal, w.indicator, w.target],
      goals.items.map((g) => [g.text, g.indicator, target(g)]),
    ),
    `<h3>${esc(w.fulfilmentTitle)}</h3>`,
    `<p>${esc(w.fulfilmentCounts(goals.met, goals.partlyMet, goals.notMet, goals.notMeasured, goals.withdrawn))}</p>`,
    table(
      [w.goal, w.latest, w.fulfilment],
      goals.items.map((g) => [
        g.text,
        g.latestValue === null
          ? '–'
          : `${g.latestValue} ${g.measurementUnit} (${g.latestMeasuredOn})`,
        g.status === 'WITHDRAWN'
          ? w.withdrawn(g.withdrawnReason ?? '–')
          : w.fulfilments[g.fulfilment],
      ]),
    ),
    ...goals.items.flatMap((g) =>
      g.revisions.map(
        (r) => `<p>${esc(w.revised(g.text, r.previousTargetValue, r.targetValue, r.reason))}</p>`,
      ),
    ),
  ].join('\n');
}

/** Likelihood from 5 at the top down to 1, consequence from 1 to 5: the heat map's layout. */
function matrixTable(matrix: readonly (readonly number[])[], caption: string, w: ReportWords) {
  const rows = [...SCALE]
    .reverse()
    .map(
      (likelihood) =>
        `<tr><th scope="row">${esc(w.likelihood)} ${likelihood}</th>${SCALE.map((consequence) =>
          matrixCell(matrix[likelihood - 1][consequence - 1]),
        ).join('')}</tr>`,
    );
  return [
    `<table class="matrix"><caption>${esc(caption)}</caption>`,
    `<thead><tr><td></td>${SCALE.map((c) => `<th scope="col">${esc(w.consequence)} ${c}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function matrixCell(count: number): string {
  return `<td class="number${count > 0 ? ' filled' : ''}">${count}</td>`;
}

function changeTable(a: AreaReport, name: string, labels: ExportLabels, w: ReportWords): string {
  const before = a.risks.previousYearEnd;
  const rows = LEVELS_HIGH_FIRST.map((level) => {
    const then = before.levelsAtYearEnd[level] ?? 0;
    const now = a.risks.levelsAtYearEnd[level] ?? 0;
    return [labels.level(level), then, now, signed(now - then)];
  });
  rows.push([
    w.allOpen,
    before.openAtYearEnd,
    a.risks.openAtYearEnd,
    signed(a.risks.openAtYearEnd - before.openAtYearEnd),
  ]);
  return table([w.level, w.previousYear, w.thisYear, w.difference], rows, w.changeCaption(name));
}

function highestTable(a: AreaReport, name: string, labels: ExportLabels, w: ReportWords): string {
  if (a.risks.highest.length === 0) return `<p>${esc(w.noHighest)}</p>`;
  return table(
    [w.risk, w.likelihood, w.consequence, w.score, w.level],
    a.risks.highest.map((r) => [
      r.title,
      r.likelihood,
      r.consequence,
      r.score,
      labels.level(r.level),
    ]),
    w.highestCaption(name),
  );
}

function incidentsPart(a: AreaReport, name: string, labels: ExportLabels, w: ReportWords): string {
  const incidents = a.incidents;
  const parts = [
    `<h3>${esc(w.incidentsTitle)}</h3>`,
    `<p>${esc(w.incidentCounts(incidents.reported, incidents.reportedPreviousYear))}</p>`,
  ];
  if (incidents.reported > 0) {
    const kinds = REPORTED_INCIDENT_KINDS.filter((kind) => (incidents.byKind[kind] ?? 0) > 0);
    const cell = (kind: string, severity: string) =>
      incidents.byKindAndSeverity.find((c) => c.kind === kind && c.severity === severity)?.count ??
      0;
    parts.push(
      table(
        [w.kind, ...REPORTED_SEVERITIES.map(w.severity), w.incidents],
        [
          ...kinds.map((kind) => [
            labels.incidentKind(kind),
            ...REPORTED_SEVERITIES.map((severity) => cell(kind, severity)),
            incidents.byKind[kind],
          ]),
          [
            w.total,
            ...REPORTED_SEVERITIES.map((s) => incidents.bySeverity[s] ?? 0),
            incidents.reported,
          ],
        ],
        w.incidentCaption(name),
      ),
    );
  }
  const made = Object.entries(incidents.outwardReports).filter(([, count]) => count > 0);
  parts.push(`<h4>${esc(w.outward)}</h4>`);
  parts.push(
    made.length === 0
      ? `<p>${esc(w.outwardNone)}</p>`
      : `<ul>${made.map(([authority, count]) => `<li>${esc(w.authorities[authority] ?? authority)}: ${count}</li>`).join('')}</ul>`,
  );
  if (incidents.outwardReportsMissing > 0) {
    parts.push(`<p class="warning">${esc(w.outwardMissing(incidents.outwardReportsMissing))}</p>`);
  }
  return parts.join('\n');
}

/** A data table: the first column heads its row; numbers are aligned right. */
function table(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  caption?: string,
) {
  const cells = (row: readonly (string | number)[]) =>
    row
      .map((value, i) =>
        i === 0
          ? `<th scope="row">${esc(String(value))}</th>`
          : `<td${typeof value === 'number' ? ' class="number"' : ''}>${esc(String(value))}</td>`,
      )
      .join('');
  return [
    '<table>',
    caption ? `<caption>${esc(caption)}</caption>` : '',
    `<thead><tr>${headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((row) => `<tr>${cells(row)}</tr>`).join('')}</tbody></table>`,
  ].join('');
}

function sumMatrices(matrices: readonly (readonly number[])[][]): number[][] {
  return SCALE.map((l) => SCALE.map((c) => matrices.reduce((sum, m) => sum + m[l - 1][c - 1], 0)));
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '±0';
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The PDF's running header (the title and the moment the log was read up to: the report's date)
 * and footer (page n of m). Chromium draws them outside the page's own styles, hence inline ones.
 */
export function annualReportPrintTemplates(
  report: HashedAnnualSecurityReport,
  language: ExportLanguage,
): { headerTemplate: string; footerTemplate: string } {
  const w = reportWords(language);
  const style =
    'font-family: DejaVu Sans, sans-serif; font-size: 8pt; color: #333; width: 100%; margin: 0 18mm;';
  return {
    headerTemplate:
      `<div style="${style} display: flex; justify-content: space-between;">` +
      `<span>${esc(w.title(report.year))}</span>` +
      `<span>${esc(w.reportDate)} ${esc(reportDate(report, language))}</span></div>`,
    footerTemplate:
      `<div style="${style} display: flex; justify-content: space-between;">` +
      `<span>${esc(w.hash)}: ${report.contentHash.slice(0, 16)}…</span>` +
      `<span>${esc(w.page)} <span class="pageNumber"></span> ${esc(w.of)} <span class="totalPages"></span></span></div>`,
  };
}
