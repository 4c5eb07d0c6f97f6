import type { TraceabilityEntry } from '@riskledger/read-models';
import type { ExportColumn } from '../../platform/table-export';

/** The log's columns in a file: the CSV keeps the English names, a spreadsheet the language asked. */
export const TRACEABILITY_COLUMNS: readonly ExportColumn<TraceabilityEntry>[] = [
  { en: 'position', sv: 'Position', kind: 'number', read: (e) => e.position },
  { en: 'recordedAt', sv: 'När', kind: 'instant', read: (e) => e.recordedAt },
  { en: 'eventType', sv: 'Händelsetyp', kind: 'text', read: (e) => e.eventType },
  { en: 'actor', sv: 'Vem (användar-id)', kind: 'text', read: (e) => e.actor },
  { en: 'actorName', sv: 'Vem (namn)', kind: 'text', read: (e) => e.actorName },
  { en: 'reason', sv: 'Varför', kind: 'text', read: (e) => e.reason },
  { en: 'streamType', sv: 'Posttyp', kind: 'text', read: (e) => e.streamType },
  { en: 'streamId', sv: 'Post-id', kind: 'text', read: (e) => e.streamId },
  { en: 'streamVersion', sv: 'Version', kind: 'number', read: (e) => e.streamVersion },
  { en: 'area', sv: 'Område', kind: 'text', read: (e) => e.area },
  { en: 'unit', sv: 'Enhet', kind: 'text', read: (e) => e.unit },
  {
    en: 'correlationId',
    sv: 'Flöde (korrelations-id)',
    kind: 'text',
    read: (e) => e.correlationId,
  },
  { en: 'causationId', sv: 'Orsak (orsaks-id)', kind: 'text', read: (e) => e.causationId },
  { en: 'summary', sv: 'Sammanfattning', kind: 'text', read: (e) => e.summary },
];
