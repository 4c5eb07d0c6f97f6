import type {
  AcceptedAssessment,
  AssessmentBasis,
  MitigationKind,
  RiskClassification,
  RiskLevel,
} from '@riskledger/domain';

export type RegisterMitigationStatus =
  'PLANNED' | 'IN_PROGRESS' | 'APPLIED' | 'VERIFIED' | 'CANCELLED';

export interface RegisterMitigation {
  mitigationId: string;
  title: string;
  kind: MitigationKind;
  owner: string | null;
  dueDate: string | null;
  expectedEffect: string | null;
  supplier: string | null;
  status: RegisterMitigationStatus;
  plannedAt: string;
  startedAt: string | null;
  appliedAt: string | null;
  /** What was done, noted when applied. */
  note: string | null;
  verifiedAt: string | null;
  /** The effect seen at follow-up. */
  effect: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
}

/** One assessment of one basis, with who made it, when and why. */
export interface RegisterAssessment {
  likelihood: number;
  consequence: number;
  score: number;
  level: RiskLevel;
  matrixVersion: number;
  assessedAt: string;
  assessedBy: string;
  reason: string | null;
  warnings: string[];
}

export type RegisterAcceptanceStatus = 'IN_FORCE' | 'REVOKED' | 'LAPSED' | 'REPLACED';

export interface RegisterAcceptance {
  acceptanceId: string;
  justification: string;
  acceptedBy: string;
  acceptedByRole: string;
  acceptedAt: string;
  /** The assessment accepted, frozen at acceptance. */
  residual: AcceptedAssessment;
  lapsesOn: string;
  status: RegisterAcceptanceStatus;
  endedAt: string | null;
  /** Why it was revoked; null otherwise. */
  revocationReason: string | null;
}

export interface LinkedIncident {
  incidentId: string;
  relation: 'REALISED' | 'REVEALED';
  linkedAt: string;
  /** The log position of the event that linked it. */
  position: number;
}

/** A point of the risk's score over time: every assessment, of any basis. */
export interface ScorePoint {
  at: string;
  basis: AssessmentBasis;
  likelihood: number;
  consequence: number;
  score: number;
  level: RiskLevel;
  matrixVersion: number;
}

/** One risk as the security organisation's register holds it. */
export interface RiskRegisterEntry {
  riskId: string;
  title: string;
  description: string;
  /** The MSB form: because of <cause>, <event> happens, which leads to <consequence>. */
  scenario: { cause: string; event: string; consequence: string } | null;
  threat: string | null;
  /** The primary security area. */
  area: string;
  additionalAreas: string[];
  unit: string;
  owner: string | null;
  supplier: string | null;
  contract: string | null;
  classification: RiskClassification;
  sourceIncidentId: string | null;
  status: 'OPEN' | 'CLOSED';
  closedAt: string | null;
  closedReason: string | null;
  /**
   * The headline assessment: the current risk, or the inherent one while no current assessment
   * exists. `assessments` holds all three bases.
   */
  likelihood: number | null;
  consequence: number | null;
  score: number | null;
  level: RiskLevel | null;
  matrixVersion: number | null;
  assessedAt: string | null;
  assessments: {
    inherent: RegisterAssessment | null;
    current: RegisterAssessment | null;
    target: RegisterAssessment | null;
  };
  scoreHistory: ScorePoint[];
  mitigations: RegisterMitigation[];
  /** The acceptance in force, if any. */
  acceptance: RegisterAcceptance | null;
  /** Acceptances no longer in force: revoked, lapsed or replaced. */
  pastAcceptances: RegisterAcceptance[];
  nextReviewDate: string | null;
  lastReviewedAt: string | null;
  /**
   * The log position of the last review or assessment: incidents linked after it make the risk
   * need review. Positions, not arrival order, decide, since incidents travel on their own topic.
   */
  reviewedAtPosition: number | null;
  /** In log order. */
  linkedIncidents: LinkedIncident[];
  /** Why the risk needs review (an incident linked since the last review or assessment). */
  reviewReasons: string[];
  identifiedAt: string;
  identifiedBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The risk stream's version this entry reflects (the ETag for conditional writes). */
  version: number;
}

/** What a register entry says only in relation to a day and the matrix in force. */
export interface RiskRegisterView extends RiskRegisterEntry {
  /** The next review date has passed without a review (an open risk only). */
  reviewOverdue: boolean;
  /** A planned or started mitigation is past its due date (an open risk only). */
  mitigationOverdue: boolean;
  /**
   * An incident was linked to the risk since its last review or assessment, or its headline
   * assessment used an older matrix version than the one in force.
   */
  needsReview: boolean;
  /** Why it needs review, in words. */
  needsReviewBecause: string[];
}

export interface ViewMoment {
  /** The calendar day (YYYY-MM-DD) the entry is looked at. */
  today: string;
  /** The version of the risk matrix in force. */
  matrixVersion: number;
}

/**
 * Computed when read, never stored: overdue-ness moves with the calendar and a new matrix version
 * applies to every risk at once, without an event on each.
 */
export function viewOf(entry: RiskRegisterEntry, moment: ViewMoment): RiskRegisterView {
  const open = entry.status === 'OPEN';
  const outdated =
    entry.matrixVersion !== null && entry.matrixVersion < moment.matrixVersion
      ? [
          `assessed with matrix version ${entry.matrixVersion}; version ${moment.matrixVersion} is in force`,
        ]
      : [];
  const because = open ? [...entry.reviewReasons, ...outdated] : [];
  return {
    ...entry,
    reviewOverdue: open && entry.nextReviewDate !== null && entry.nextReviewDate < moment.today,
    mitigationOverdue:
      open &&
      entry.mitigations.some(
        (m) =>
          (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') &&
          m.dueDate !== null &&
          m.dueDate < moment.today,
      ),
    needsReview: because.length > 0,
    needsReviewBecause: because,
  };
}
