import type { IncidentKind, IncidentStatus, OutwardAuthority } from '@riskledger/domain';
import type {
  DecidedAction,
  IncidentRegisterEntry,
  IncidentRegisterRecord,
  LinkedRisk,
  OutwardReport,
} from './incident-register-entry';

/**
 * How a register record maps to and from its table row; shared by the projection and its queries.
 * A pending record (risks identified from an incident not yet seen) has only its id and links;
 * status is null there and nowhere else.
 */
export interface IncidentRegisterRow {
  incident_id: string;
  title: string | null;
  description: string | null;
  kind: IncidentKind | null;
  area: string | null;
  unit: string | null;
  occurred_at: Date | null;
  discovered_at: Date | null;
  personal_data_affected: boolean | null;
  severity: number | null;
  immediate_actions: string | null;
  status: IncidentStatus | null;
  reported_at: Date | null;
  reported_by: string | null;
  linked_risks: LinkedRisk[];
  findings: string | null;
  root_cause: string | null;
  investigated_at: Date | null;
  investigated_by: string | null;
  actions: DecidedAction[] | null;
  outward_reports: OutwardReport[] | null;
  outward_reports_required: OutwardAuthority[] | null;
  outward_reports_missing: OutwardAuthority[] | null;
  closed_at: Date | null;
  closed_by: string | null;
  closing_summary: string | null;
  dismissed_at: Date | null;
  dismissed_by: string | null;
  dismissal_reason: string | null;
  updated_at: Date | null;
  updated_by: string | null;
  version: number | null;
}

export const INCIDENT_REGISTER_COLUMNS = [
  'incident_id',
  'title',
  'description',
  'kind',
  'area',
  'unit',
  'occurred_at',
  'discovered_at',
  'personal_data_affected',
  'severity',
  'immediate_actions',
  'status',
  'reported_at',
  'reported_by',
  'linked_risks',
  'findings',
  'root_cause',
  'investigated_at',
  'investigated_by',
  'actions',
  'outward_reports',
  'outward_reports_required',
  'outward_reports_missing',
  'closed_at',
  'closed_by',
  'closing_summary',
  'dismissed_at',
  'dismissed_by',
  'dismissal_reason',
  'updated_at',
  'updated_by',
  'version',
] as const;

type Column = (typeof INCIDENT_REGISTER_COLUMNS)[number];

/** The row of a record, keyed by column (jsonb_populate_recordset turns it into a table row). */
export function rowOf(record: IncidentRegisterRecord): Record<Column, unknown> {
  if (record.status === null) {
    const empty = Object.fromEntries(INCIDENT_REGISTER_COLUMNS.map((c) => [c, null]));
    return {
      ...(empty as Record<Column, null>),
      incident_id: record.incidentId,
      linked_risks: record.linkedRisks,
    };
  }
  const e = record;
  return {
    incident_id: e.incidentId,
    title: e.title,
    description: e.description,
    kind: e.kind,
    area: e.area,
    unit: e.unit,
    occurred_at: e.occurredAt,
    discovered_at: e.discoveredAt,
    personal_data_affected: e.personalDataAffected,
    severity: e.severity,
    immediate_actions: e.immediateActions,
    status: e.status,
    reported_at: e.reportedAt,
    reported_by: e.reportedBy,
    linked_risks: e.linkedRisks,
    findings: e.findings,
    root_cause: e.rootCause,
    investigated_at: e.investigatedAt,
    investigated_by: e.investigatedBy,
    actions: e.actions,
    outward_reports: e.outwardReports,
    outward_reports_required: e.outwardReportsRequired,
    outward_reports_missing: e.outwardReportsMissing,
    closed_at: e.closedAt,
    closed_by: e.closedBy,
    closing_summary: e.closingSummary,
    dismissed_at: e.dismissedAt,
    dismissed_by: e.dismissedBy,
    dismissal_reason: e.dismissalReason,
    updated_at: e.updatedAt,
    updated_by: e.updatedBy,
    version: e.version,
  };
}

export function recordOf(row: IncidentRegisterRow): IncidentRegisterRecord {
  if (row.status === null) {
    return { incidentId: row.incident_id, status: null, linkedRisks: row.linked_risks };
  }
  return entryOf(row);
}

/** The entry of a reported incident's row (queries read only those). */
export function entryOf(row: IncidentRegisterRow): IncidentRegisterEntry {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    incidentId: row.incident_id,
    title: row.title!,
    description: row.description!,
    kind: row.kind,
    area: row.area!,
    unit: row.unit!,
    occurredAt: iso(row.occurred_at)!,
    discoveredAt: iso(row.discovered_at ?? row.reported_at)!,
    personalDataAffected: row.personal_data_affected,
    severity: row.severity,
    immediateActions: row.immediate_actions,
    status: row.status!,
    reportedAt: iso(row.reported_at)!,
    reportedBy: row.reported_by!,
    linkedRisks: row.linked_risks,
    findings: row.findings,
    rootCause: row.root_cause,
    investigatedAt: iso(row.investigated_at),
    investigatedBy: row.investigated_by,
    actions: row.actions ?? [],
    outwardReports: row.outward_reports ?? [],
    outwardReportsRequired: row.outward_reports_required ?? [],
    outwardReportsMissing: row.outward_reports_missing ?? [],
    closedAt: iso(row.closed_at),
    closedBy: row.closed_by,
    closingSummary: row.closing_summary,
    dismissedAt: iso(row.dismissed_at),
    dismissedBy: row.dismissed_by,
    dismissalReason: row.dismissal_reason,
    updatedAt: iso(row.updated_at)!,
    updatedBy: row.updated_by!,
    version: row.version!,
  };
}
