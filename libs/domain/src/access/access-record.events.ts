import type { TypedEvent } from '../shared/decider';

/**
 * Someone was shown restricted (säkerhetsskydd) risks: who looked is itself part of the record, so
 * that an investigator can see it afterwards. `what` names the view (e.g. `GET /risks/:id`).
 */
export type RestrictedRiskRead = TypedEvent<
  'RestrictedRiskRead',
  { riskIds: string[]; what: string }
>;

export type AccessRecordEvent = RestrictedRiskRead;
