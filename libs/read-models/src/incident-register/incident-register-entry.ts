import type {
  IncidentKind,
  IncidentStatus,
  OutwardAuthority,
  RiskLinkRelation,
} from '@riskledger/domain';

/**
 * How the incident bears on the risk. IDENTIFIED_FROM: the risk was identified from the incident
 * (its RiskIdentified names the incident as source). null: named when the incident was reported,
 * before anyone said whether it realised or revealed the risk.
 */
export type IncidentRiskRelation = RiskLinkRelation | 'IDENTIFIED_FROM' | null;

export interface LinkedRisk {
  riskId: string;
  relation: IncidentRiskRelation;
  linkedAt: string;
  linkedBy: string;
}

export interface DecidedAction {
  riskId: string;
  description: string;
  mitigationId: string | null;
  decidedAt: string;
  decidedBy: string;
}

export interface OutwardReport {
  authority: OutwardAuthority;
  reference: string;
  /** When the report was made, as the reporter says. */
  reportedAt: string;
  /** When it was recorded here, and by whom. */
  recordedAt: string;
  recordedBy: string;
}

/** One incident as the incident register shows it now. */
export interface IncidentRegisterEntry {
  incidentId: string;
  title: string;
  description: string;
  kind: IncidentKind | null;
  area: string;
  unit: string;
  occurredAt: string;
  /**
   * When it was discovered, which reporting deadlines count from; for reports made before it was
   * asked, the time the report was recorded.
   */
  discoveredAt: string;
  personalDataAffected: boolean | null;
  severity: number | null;
  immediateActions: string | null;
  status: IncidentStatus;
  reportedAt: string;
  reportedBy: string;
  linkedRisks: LinkedRisk[];
  findings: string | null;
  rootCause: string | null;
  investigatedAt: string | null;
  investigatedBy: string | null;
  actions: DecidedAction[];
  outwardReports: OutwardReport[];
  outwardReportsRequired: OutwardAuthority[];
  outwardReportsMissing: OutwardAuthority[];
  closedAt: string | null;
  closedBy: string | null;
  closingSummary: string | null;
  dismissedAt: string | null;
  dismissedBy: string | null;
  dismissalReason: string | null;
  updatedAt: string;
  updatedBy: string;
  /** The incident stream's version this entry reflects (the ETag for conditional writes). */
  version: number;
}

/**
 * Risks identified from an incident whose report the register has not seen yet: risks and
 * incidents travel on different topics, so a risk may arrive before the incident it came from.
 */
export interface PendingIncident {
  incidentId: string;
  status: null;
  linkedRisks: LinkedRisk[];
}

export type IncidentRegisterRecord = IncidentRegisterEntry | PendingIncident;

export function isReported(record: IncidentRegisterRecord | null): record is IncidentRegisterEntry {
  return record !== null && record.status !== null;
}
