import type { IncidentKind, OutwardAuthority, RiskLinkRelation } from './incident.events';

/**
 * Where an incident is in its handling. CLOSED and DISMISSED are final: the record of a handled
 * incident stays as it was handled.
 */
export const INCIDENT_STATUSES = [
  'REPORTED',
  'INVESTIGATED',
  'ACTIONS_DECIDED',
  'CLOSED',
  'DISMISSED',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface KnownIncident {
  status: IncidentStatus;
  incidentId: string;
  kind: IncidentKind | null;
  /** ISO 8601 instant. */
  occurredAt: string;
  personalDataAffected: boolean | null;
  /** Linked risks; null: named at report, when the relation was not recorded. */
  linkedRisks: Readonly<Record<string, RiskLinkRelation | null>>;
  investigated: boolean;
  outwardReports: readonly { authority: OutwardAuthority; reference: string }[];
}

export type IncidentState = { status: 'UNKNOWN' } | KnownIncident;
