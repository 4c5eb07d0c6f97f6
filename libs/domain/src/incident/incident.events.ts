import type { SecurityAreaCode } from '../areas/security-areas';
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
 * Schema version 2 added kind, severity and immediate actions. Reports made before that (version
 * 1) read as kind, severity and immediate actions null: they were not recorded then.
 */
export type IncidentReported = TypedEvent<
  'IncidentReported',
  {
    incidentId: string;
    title: string;
    description: string;
    area: SecurityAreaCode;
    unit: string;
    /** ISO 8601 instant. */
    occurredAt: string;
    /** Risks the incident realised or revealed. */
    riskIds: string[];
    kind: IncidentKind | null;
    /** On the consequence scale of the risk matrix, 1 (negligible) to 5 (catastrophic). */
    severity: number | null;
    /** What was done at once, by whoever found it. */
    immediateActions: string | null;
  }
>;

export type IncidentEvent = IncidentReported;
