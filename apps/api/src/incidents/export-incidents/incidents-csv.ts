import type { IncidentRegisterEntry } from '@riskledger/read-models';
import type { ExportColumn } from '../../platform/table-export';
import { csvOf } from '../../shared/csv';
import { CODES, type ExportLabels } from '../../shared/export-labels';

/** The columns of the export, in order, each with its headers and how it is read from an entry. */
export function incidentExportColumns(
  label: ExportLabels,
): readonly ExportColumn<IncidentRegisterEntry>[] {
  return [
    { en: 'incidentId', sv: 'Händelse-id', kind: 'text', read: (e) => e.incidentId },
    { en: 'title', sv: 'Händelse', kind: 'text', read: (e) => e.title },
    { en: 'description', sv: 'Beskrivning', kind: 'text', read: (e) => e.description },
    { en: 'kind', sv: 'Typ', kind: 'text', read: (e) => e.kind && label.incidentKind(e.kind) },
    { en: 'area', sv: 'Säkerhetsområde', kind: 'text', read: (e) => e.area && label.area(e.area) },
    { en: 'unit', sv: 'Enhet', kind: 'text', read: (e) => e.unit },
    { en: 'occurredAt', sv: 'Inträffade', kind: 'instant', read: (e) => e.occurredAt },
    { en: 'severity', sv: 'Allvarlighet (1–5)', kind: 'number', read: (e) => e.severity },
    { en: 'status', sv: 'Status', kind: 'text', read: (e) => label.incidentStatus(e.status) },
    { en: 'reportedAt', sv: 'Rapporterad', kind: 'instant', read: (e) => e.reportedAt },
    { en: 'reportedBy', sv: 'Rapporterad av', kind: 'text', read: (e) => e.reportedBy },
    {
      en: 'immediateActions',
      sv: 'Åtgärder direkt',
      kind: 'text',
      read: (e) => e.immediateActions,
    },
    {
      en: 'linkedRisks',
      sv: 'Kopplade risker',
      kind: 'text',
      read: (e) => e.linkedRisks.map((l) => `${l.riskId} ${l.relation ?? 'NAMED'}`).join('; '),
    },
    { en: 'findings', sv: 'Utredningens resultat', kind: 'text', read: (e) => e.findings },
    { en: 'rootCause', sv: 'Grundorsak', kind: 'text', read: (e) => e.rootCause },
    {
      en: 'actions',
      sv: 'Beslutade åtgärder',
      kind: 'text',
      read: (e) => e.actions.map((a) => `${a.riskId}: ${a.description}`).join('; '),
    },
    {
      en: 'outwardReports',
      sv: 'Anmälningar till myndighet',
      kind: 'text',
      read: (e) =>
        e.outwardReports.map((r) => `${r.authority} ${r.reference} ${r.reportedAt}`).join('; '),
    },
    {
      en: 'outwardReportsMissing',
      sv: 'Anmälningar som saknas',
      kind: 'text',
      read: (e) => e.outwardReportsMissing.join('; '),
    },
    { en: 'closedAt', sv: 'Avslutad', kind: 'instant', read: (e) => e.closedAt },
    {
      en: 'closingSummary',
      sv: 'Sammanfattning vid avslut',
      kind: 'text',
      read: (e) => e.closingSummary,
    },
    { en: 'dismissedAt', sv: 'Avskriven', kind: 'instant', read: (e) => e.dismissedAt },
    {
      en: 'dismissalReason',
      sv: 'Skäl för avskrivning',
      kind: 'text',
      read: (e) => e.dismissalReason,
    },
    { en: 'version', sv: 'Version', kind: 'number', read: (e) => e.version },
  ];
}

/** The incident register as CSV, one row per incident, codes as codes (see csvOf). */
export function incidentsCsv(entries: readonly IncidentRegisterEntry[]): string {
  return csvOf(incidentExportColumns(CODES), entries);
}
