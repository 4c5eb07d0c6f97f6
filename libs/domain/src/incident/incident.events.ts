import type { TypedEvent } from '../shared/decider';

/**
 * The kinds of report seen in Swedish regions. A serious near miss must be reported to the Work
 * Environment Authority at once; a care injury to IVO; an IT incident to MSB.
 */
export const INCIDENT_KINDS = [
  'DEFICIENCY',
  'DEVIATION',
  'NEAR_MISS',
  'SERIOUS_NEAR_MISS',
  'ACCIDENT',
  'CARE_INJURY',
  'IT_INCIDENT',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * Authorities an incident may be reported to: Arbetsmiljöverket (work environment), IVO (care),
 * IMY (personal data), MSB (IT incidents), the police, or another.
 */
export const OUTWARD_AUTHORITIES = [
  'ARBETSMILJOVERKET',
  'IVO',
  'IMY',
  'MSB',
  'POLICE',
  'OTHER',
] as const;
export type OutwardAuthority = (typeof OUTWARD_AUTHORITIES)[number];

/** How an incident bears on a risk: it happened (REALISED), or it showed the risk exists (REVEALED). */
export const RISK_LINK_RELATIONS = ['REALISED', 'REVEALED'] as const;
export type RiskLinkRelation = (typeof RISK_LINK_RELATIONS)[number];

/**
 * Schema version 2 added kind, severity and immediate actions. Reports made before that (version
 * 1) read as kind, severity and immediate actions null: they were not recorded then. Version 3
 * added discoveredAt and personalDataAffected; older reports read as null for both.
 */
export type IncidentReported = TypedEvent<
  'IncidentReported',
  {
    incidentId: string;
    title: string;
    description: string;
    /** A security area code in use when it was reported (areas are reference data). */
    area: string;
    unit: string;
    /** ISO 8601 instant. */
    occurredAt: string;
    /** Risks the incident realised or revealed (which of the two was not recorded at report). */
    riskIds: string[];
    kind: IncidentKind | null;
    /** On the consequence scale of the risk matrix, 1 (negligible) to 5 (catastrophic). */
    severity: number | null;
    /** What was done at once, by whoever found it. */
    immediateActions: string | null;
    /**
     * ISO 8601: when the incident was discovered, which reporting deadlines count from (the GDPR's
     * "becoming aware", NIS2's "becoming aware of the significant incident"). The reporter gives
     * it, else it is the time the report was recorded. null for reports made before it was asked
     * (version 2 and older): for those the time the report was recorded stands in.
     */
    discoveredAt: string | null;
    /** Whether personal data was affected (a breach IMY must hear of); null: not said. */
    personalDataAffected: boolean | null;
  }
>;

/** Someone said, after the report, whether personal data was affected (or corrected it). */
export type IncidentPersonalDataAssessed = TypedEvent<
  'IncidentPersonalDataAssessed',
  { incidentId: string; personalDataAffected: boolean }
>;

export type IncidentLinkedToRisk = TypedEvent<
  'IncidentLinkedToRisk',
  { incidentId: string; riskId: string; relation: RiskLinkRelation }
>;

export type IncidentInvestigated = TypedEvent<
  'IncidentInvestigated',
  { incidentId: string; findings: string; rootCause: string }
>;

export interface IncidentAction {
  /** A risk linked to the incident; the measure is planned on it as a mitigation. */
  riskId: string;
  description: string;
  /** The mitigation planned on the risk for this action, once it is planned. */
  mitigationId: string | null;
}

export type IncidentActionsDecided = TypedEvent<
  'IncidentActionsDecided',
  { incidentId: string; actions: IncidentAction[] }
>;

export type IncidentReportedToAuthority = TypedEvent<
  'IncidentReportedToAuthority',
  {
    incidentId: string;
    authority: OutwardAuthority;
    /** The authority's case number or the report's reference. */
    reference: string;
    /** ISO 8601 instant. */
    reportedAt: string;
  }
>;

export type IncidentClosed = TypedEvent<'IncidentClosed', { incidentId: string; summary: string }>;

export type IncidentDismissed = TypedEvent<
  'IncidentDismissed',
  { incidentId: string; reason: string }
>;

export type IncidentEvent =
  | IncidentReported
  | IncidentPersonalDataAssessed
  | IncidentLinkedToRisk
  | IncidentInvestigated
  | IncidentActionsDecided
  | IncidentReportedToAuthority
  | IncidentClosed
  | IncidentDismissed;
