import type { SecurityAreaCode } from '../areas/security-areas';
import type { TypedEvent } from '../shared/decider';

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
  }
>;

export type IncidentEvent = IncidentReported;
