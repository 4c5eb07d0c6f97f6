import type { RiskMatrix } from '../matrix/risk-matrix';

/**
 * What the region's reference data says about a new risk's area and unit, looked up by the caller
 * so that the decider stays pure.
 */
export interface ReferenceFacts {
  /** Codes of the security areas in use (not retired). */
  activeAreas: readonly string[];
  unitKnown: boolean;
}

/** The MSB form of a risk: because of <cause>, <event> happens, which leads to <consequence>. */
export interface RiskScenario {
  cause: string;
  event: string;
  consequence: string;
}

export interface IdentifyRisk {
  type: 'IdentifyRisk';
  riskId: string;
  title: string;
  /** May be left out when the scenario is given: it is then written from it. */
  description?: string | null;
  scenario?: RiskScenario | null;
  threat?: string | null;
  area: string;
  additionalAreas?: readonly string[] | null;
  unit: string;
  owner?: string | null;
  supplier?: string | null;
  contract?: string | null;
  classification?: string | null;
  /** Defaults to a year after `today`: every risk is reviewed at least yearly. */
  nextReviewDate?: string | null;
  sourceIncidentId?: string | null;
  /** An initial assessment (of the current risk) may come with the identification. */
  likelihood?: number | null;
  consequence?: number | null;
  reference: ReferenceFacts;
  /** The matrix in force, for the initial assessment. */
  matrix: RiskMatrix;
  /** The clock, passed in: today's calendar date (YYYY-MM-DD). */
  today: string;
}

export interface AssignRiskOwner {
  type: 'AssignRiskOwner';
  riskId: string;
  owner: string;
}

export interface AssessRisk {
  type: 'AssessRisk';
  riskId: string;
  /** CURRENT when left out. */
  basis?: string | null;
  likelihood: number;
  consequence: number;
  /** The matrix in force; every assessment records the version it used. */
  matrix: RiskMatrix;
}

export interface PlanMitigation {
  type: 'PlanMitigation';
  riskId: string;
  mitigationId: string;
  title: string;
  kind: string;
  owner?: string | null;
  dueDate?: string | null;
  expectedEffect?: string | null;
  supplier?: string | null;
}

export interface StartMitigation {
  type: 'StartMitigation';
  riskId: string;
  mitigationId: string;
}

export interface ApplyMitigation {
  type: 'ApplyMitigation';
  riskId: string;
  mitigationId: string;
  note?: string | null;
}

export interface VerifyMitigation {
  type: 'VerifyMitigation';
  riskId: string;
  mitigationId: string;
  effect: string;
}

export interface CancelMitigation {
  type: 'CancelMitigation';
  riskId: string;
  mitigationId: string;
  reason: string;
}

export interface AcceptRisk {
  type: 'AcceptRisk';
  riskId: string;
  acceptanceId: string;
  justification: string;
  /** The roles the actor holds; the matrix says which roles may accept which level. */
  roles: readonly string[];
  lapsesOn: string;
  matrix: RiskMatrix;
  today: string;
}

export interface RevokeRiskAcceptance {
  type: 'RevokeRiskAcceptance';
  riskId: string;
  acceptanceId: string;
  reason: string;
}

/** Sent by the acceptance sweep, not a user, once an acceptance's lapse date has come. */
export interface LapseRiskAcceptance {
  type: 'LapseRiskAcceptance';
  riskId: string;
  acceptanceId: string;
  today: string;
}

export interface ReviewRisk {
  type: 'ReviewRisk';
  riskId: string;
  notes: string;
  nextReviewDate: string;
  today: string;
}

/** Part of the yearly re-assessment, asked for every open risk at once. */
export interface RequestRiskReassessment {
  type: 'RequestRiskReassessment';
  riskId: string;
  year: number;
  /**
   * The calendar day (in the region) of the risk's latest review or assessment, or null if it has
   * had none: read from the log by the caller, since the events themselves carry no dates.
   */
  lastReviewedOrAssessedOn: string | null;
  today: string;
}

export interface CloseRisk {
  type: 'CloseRisk';
  riskId: string;
  reason: string;
}

export interface ReopenRisk {
  type: 'ReopenRisk';
  riskId: string;
  reason: string;
}

export type RiskCommand =
  | IdentifyRisk
  | AssignRiskOwner
  | AssessRisk
  | PlanMitigation
  | StartMitigation
  | ApplyMitigation
  | VerifyMitigation
  | CancelMitigation
  | AcceptRisk
  | RevokeRiskAcceptance
  | LapseRiskAcceptance
  | ReviewRisk
  | RequestRiskReassessment
  | CloseRisk
  | ReopenRisk;
