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
  /** The clock, passed in: an incident cannot have occurred after it was reported. */
  now: Date;
}

export type IncidentCommand = ReportIncident;
