export interface ReportIncident {
  type: 'ReportIncident';
  incidentId: string;
  title: string;
  description: string;
  area: string;
  unit: string;
  occurredAt: Date;
  riskIds: string[];
  kind: string;
  severity?: number | null;
  immediateActions?: string | null;
  /** When it was discovered; left out: now, when it is reported. */
  discoveredAt?: Date | null;
  personalDataAffected?: boolean | null;
  /** The clock, passed in: an incident cannot have occurred after it was reported. */
  now: Date;
  /** What the region's reference data says about the area and unit, looked up by the caller. */
  reference: { activeAreas: readonly string[]; unitKnown: boolean };
}

export interface AssessIncidentPersonalData {
  type: 'AssessIncidentPersonalData';
  incidentId: string;
  personalDataAffected: boolean;
}

export interface LinkIncidentToRisk {
  type: 'LinkIncidentToRisk';
  incidentId: string;
  riskId: string;
  relation: string;
}

export interface InvestigateIncident {
  type: 'InvestigateIncident';
  incidentId: string;
  findings: string;
  rootCause: string;
}

export interface DecideIncidentActions {
  type: 'DecideIncidentActions';
  incidentId: string;
  actions: { riskId: string; description: string; mitigationId?: string | null }[];
  /**
   * Risks identified from this incident (their RiskIdentified names it as source): they count as
   * linked, though the incident's own stream does not record them.
   */
  risksIdentifiedFromIncident: readonly string[];
}

export interface ReportIncidentToAuthority {
  type: 'ReportIncidentToAuthority';
  incidentId: string;
  authority: string;
  reference: string;
  reportedAt: Date;
  now: Date;
}

export interface CloseIncident {
  type: 'CloseIncident';
  incidentId: string;
  summary: string;
}

export interface DismissIncident {
  type: 'DismissIncident';
  incidentId: string;
  reason: string;
}

export type IncidentCommand =
  | ReportIncident
  | AssessIncidentPersonalData
  | LinkIncidentToRisk
  | InvestigateIncident
  | DecideIncidentActions
  | ReportIncidentToAuthority
  | CloseIncident
  | DismissIncident;
