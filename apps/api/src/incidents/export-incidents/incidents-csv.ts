import type { IncidentRegisterEntry } from '@riskledger/read-models';

type Cell = string | number | null;

/** The columns of the export, in order, each with how it is read from an entry. */
const COLUMNS: readonly [string, (e: IncidentRegisterEntry) => Cell][] = [
  ['incidentId', (e) => e.incidentId],
  ['title', (e) => e.title],
  ['description', (e) => e.description],
  ['kind', (e) => e.kind],
  ['area', (e) => e.area],
  ['unit', (e) => e.unit],
  ['occurredAt', (e) => e.occurredAt],
  ['severity', (e) => e.severity],
  ['status', (e) => e.status],
  ['reportedAt', (e) => e.reportedAt],
  ['reportedBy', (e) => e.reportedBy],
  ['immediateActions', (e) => e.immediateActions],
  [
    'linkedRisks',
    (e) => e.linkedRisks.map((l) => `${l.riskId} ${l.relation ?? 'NAMED'}`).join('; '),
  ],
  ['findings', (e) => e.findings],
  ['rootCause', (e) => e.rootCause],
  ['actions', (e) => e.actions.map((a) => `${a.riskId}: ${a.description}`).join('; ')],
  [
    'outwardReports',
    (e) => e.outwardReports.map((r) => `${r.authority} ${r.reference} ${r.reportedAt}`).join('; '),
  ],
  ['outwardReportsMissing', (e) => e.outwardReportsMissing.join('; ')],
  ['closedAt', (e) => e.closedAt],
  ['closingSummary', (e) => e.closingSummary],
  ['dismissedAt', (e) => e.dismissedAt],
  ['dismissalReason', (e) => e.dismissalReason],
  ['version', (e) => e.version],
];

/**
 * The register as CSV (RFC 4180: comma-separated, CRLF line ends, a cell with a comma, quote or
 * line break quoted, quotes doubled), one row per incident after a header row. Starts with a UTF-8
 * byte order mark, so that Excel reads å, ä and ö as written.
 */
export function incidentsCsv(entries: readonly IncidentRegisterEntry[]): string {
  const header = COLUMNS.map(([name]) => name);
  const rows = entries.map((entry) => COLUMNS.map(([, read]) => read(entry)));
  return (
    '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
  );
}

/** A cell a spreadsheet would run as a formula is prefixed with ', so it shows as text instead. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
