import type { TypedEvent } from '../shared/decider';
import type { RiskAssessment } from './risk-assessment';

/** The treatment kinds of the policies' risk treatment measure (riskhanteringsåtgärd). */
export const MITIGATION_KINDS = ['ELIMINATE', 'LIMIT', 'MONITOR'] as const;
export type MitigationKind = (typeof MITIGATION_KINDS)[number];

/** Restricted risks concern protective security (säkerhetsskydd): visible only to cleared users. */
export const RISK_CLASSIFICATIONS = ['OPEN', 'RESTRICTED'] as const;
export type RiskClassification = (typeof RISK_CLASSIFICATIONS)[number];

/**
 * What an assessment scores: the inherent risk (before any treatment), the current risk (with the
 * treatment in place today) or the target, residual risk (after the planned treatment).
 */
export const ASSESSMENT_BASES = ['INHERENT', 'CURRENT', 'TARGET'] as const;
export type AssessmentBasis = (typeof ASSESSMENT_BASES)[number];

export type RiskIdentified = TypedEvent<
  'RiskIdentified',
  {
    riskId: string;
    title: string;
    description: string;
    /** The MSB form: because of <cause>, <event> happens, which leads to <consequence>. */
    cause: string | null;
    event: string | null;
    consequence: string | null;
    threat: string | null;
    /** The primary security area; a region's own area codes are valid too. */
    area: string;
    additionalAreas: string[];
    unit: string;
    owner: string | null;
    supplier: string | null;
    contract: string | null;
    classification: RiskClassification;
    /** ISO calendar date (YYYY-MM-DD); null only for risks identified before it was recorded. */
    nextReviewDate: string | null;
    /** The incident the risk was identified from, if any. */
    sourceIncidentId: string | null;
  }
>;

export type RiskOwnerAssigned = TypedEvent<'RiskOwnerAssigned', { riskId: string; owner: string }>;

export type RiskAssessed = TypedEvent<
  'RiskAssessed',
  {
    riskId: string;
    basis: AssessmentBasis;
    /** Inconsistencies the assessor was warned of, e.g. a target above the current risk. */
    warnings: string[];
  } & RiskAssessment
>;

export type MitigationPlanned = TypedEvent<
  'MitigationPlanned',
  {
    riskId: string;
    mitigationId: string;
    title: string;
    kind: MitigationKind;
    owner: string | null;
    /** ISO calendar date (YYYY-MM-DD). */
    dueDate: string | null;
    expectedEffect: string | null;
    supplier: string | null;
  }
>;

export type MitigationStarted = TypedEvent<
  'MitigationStarted',
  { riskId: string; mitigationId: string }
>;

export type MitigationApplied = TypedEvent<
  'MitigationApplied',
  { riskId: string; mitigationId: string; note: string | null }
>;

export type MitigationVerified = TypedEvent<
  'MitigationVerified',
  { riskId: string; mitigationId: string; effect: string }
>;

export type MitigationCancelled = TypedEvent<
  'MitigationCancelled',
  { riskId: string; mitigationId: string; reason: string }
>;

/** The assessment an acceptance accepted, frozen so that later reassessments do not change it. */
export type AcceptedAssessment = { basis: AssessmentBasis } & RiskAssessment;

export type RiskAccepted = TypedEvent<
  'RiskAccepted',
  {
    riskId: string;
    acceptanceId: string;
    justification: string;
    acceptedByRole: string;
    residual: AcceptedAssessment;
    /** ISO calendar date on which the acceptance lapses unless renewed. */
    lapsesOn: string;
  }
>;

export type RiskAcceptanceRevoked = TypedEvent<
  'RiskAcceptanceRevoked',
  { riskId: string; acceptanceId: string; reason: string }
>;

export type RiskAcceptanceLapsed = TypedEvent<
  'RiskAcceptanceLapsed',
  { riskId: string; acceptanceId: string; lapsedOn: string }
>;

export type RiskReviewed = TypedEvent<
  'RiskReviewed',
  { riskId: string; notes: string; nextReviewDate: string }
>;

/**
 * The yearly re-assessment (every risk is looked at again at least once a year) was started for a
 * risk not yet reviewed or assessed in that year: it needs a review or a new assessment.
 */
export type RiskReassessmentRequested = TypedEvent<
  'RiskReassessmentRequested',
  { riskId: string; year: number }
>;

export type RiskClosed = TypedEvent<'RiskClosed', { riskId: string; reason: string }>;

export type RiskReopened = TypedEvent<'RiskReopened', { riskId: string; reason: string }>;

export type RiskEvent =
  | RiskIdentified
  | RiskOwnerAssigned
  | RiskAssessed
  | MitigationPlanned
  | MitigationStarted
  | MitigationApplied
  | MitigationVerified
  | MitigationCancelled
  | RiskAccepted
  | RiskAcceptanceRevoked
  | RiskAcceptanceLapsed
  | RiskReviewed
  | RiskReassessmentRequested
  | RiskClosed
  | RiskReopened;
