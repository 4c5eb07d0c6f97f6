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

/** A score in a summary: the cell of the matrix and its product. */
interface SummaryScore {
  likelihood: number;
  consequence: number;
  score: number;
}

/**
 * What the register as of a moment filters, orders, counts and tells visibility by, and what a
 * view's flags are computed from: a few hundred bytes, where a whole entry (its score history,
 * mitigations, incidents and acceptances) grows with the risk's life.
 */
export type RiskRegisterSummary = Pick<
  RiskRegisterEntry,
  | 'riskId'
  | 'title'
  | 'description'
  | 'scenario'
  | 'area'
  | 'additionalAreas'
  | 'unit'
  | 'owner'
  | 'classification'
  | 'status'
  | 'likelihood'
  | 'consequence'
  | 'score'
  | 'level'
  | 'matrixVersion'
  | 'nextReviewDate'
  | 'reviewReasons'
  | 'identifiedAt'
  | 'updatedAt'
> & {
  assessments: { inherent: SummaryScore | null; target: SummaryScore | null };
  acceptance: { lapsesOn: string } | null;
  mitigations: Pick<RegisterMitigation, 'status' | 'dueDate'>[];
};

/** The entry's summary; its keys in this order (migration 1732300018310 writes the same). */
export function summaryOf(entry: RiskRegisterEntry): RiskRegisterSummary {
  const score = (a: SummaryScore | null): SummaryScore | null =>
    a && { likelihood: a.likelihood, consequence: a.consequence, score: a.score };
  return {
    riskId: entry.riskId,
    title: entry.title,
    description: entry.description,
    scenario: entry.scenario,
    area: entry.area,
    additionalAreas: entry.additionalAreas,
    unit: entry.unit,
    owner: entry.owner,
    classification: entry.classification,
    status: entry.status,
    likelihood: entry.likelihood,
    consequence: entry.consequence,
    score: entry.score,
    level: entry.level,
    matrixVersion: entry.matrixVersion,
    nextReviewDate: entry.nextReviewDate,
    reviewReasons: entry.reviewReasons,
    identifiedAt: entry.identifiedAt,
    updatedAt: entry.updatedAt,
    assessments: {
      inherent: score(entry.assessments.inherent),
      target: score(entry.assessments.target),
    },
    acceptance: entry.acceptance && { lapsesOn: entry.acceptance.lapsesOn },
    mitigations: entry.mitigations.map((m) => ({ status: m.status, dueDate: m.dueDate })),
  };
}

/** A view of a summary: what filters, orders and counts read. */
export type RiskRegisterSummaryView = RiskRegisterSummary &
  Omit<RiskRegisterView, keyof RiskRegisterEntry>;

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
export function viewOf(entry: RiskRegisterEntry, moment: ViewMoment): RiskRegisterView;
export function viewOf(entry: RiskRegisterSummary, moment: ViewMoment): RiskRegisterSummaryView;
export function viewOf(entry: RiskRegisterSummary, moment: ViewMoment): RiskRegisterSummaryView {
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
