import type { IncidentRegisterEntry } from '@riskledger/read-models';
import { csvOf, type CsvValue } from '../../shared/csv';

type Cell = CsvValue;

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

/** The incident register as CSV, one row per incident (see csvOf). */
export function incidentsCsv(entries: readonly IncidentRegisterEntry[]): string {
  return csvOf(COLUMNS, entries);
}
