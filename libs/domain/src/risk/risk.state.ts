import { NotFoundError, RuleViolatedError } from '../shared/errors';
import type { RiskAssessment } from './risk-assessment';
import type { AssessmentBasis, RiskEvent } from './risk.events';

export type MitigationStatus = 'PLANNED' | 'IN_PROGRESS' | 'APPLIED' | 'VERIFIED' | 'CANCELLED';

/** The acceptance in force: a risk has at most one; a new one supersedes it. */
export interface AcceptanceInForce {
  acceptanceId: string;
  lapsesOn: string;
}

export interface IdentifiedRisk {
  status: 'OPEN' | 'CLOSED';
  riskId: string;
  /** The latest assessment of each basis. */
  assessments: Readonly<Partial<Record<AssessmentBasis, RiskAssessment>>>;
  mitigations: Readonly<Record<string, MitigationStatus>>;
  acceptance: AcceptanceInForce | null;
  /** Every acceptance ever recorded on the risk, to tell an unknown one from one no longer in force. */
  acceptanceIds: readonly string[];
  /** The years whose re-assessment was requested for the risk: each is requested once. */
  reassessmentYears: readonly number[];
}

export type RiskState = { status: 'UNKNOWN' } | IdentifiedRisk;

export function evolveRisk(state: RiskState, event: RiskEvent): RiskState {
  if (event.type === 'RiskIdentified') {
    return {
      status: 'OPEN',
      riskId: event.data.riskId,
      assessments: {},
      mitigations: {},
      acceptance: null,
      acceptanceIds: [],
      reassessmentYears: [],
    };
  }
  if (state.status === 'UNKNOWN') return state;
  const mitigation = (mitigationId: string, status: MitigationStatus): IdentifiedRisk => ({
    ...state,
    mitigations: { ...state.mitigations, [mitigationId]: status },
  });
  switch (event.type) {
    case 'RiskAssessed': {
      const { basis, likelihood, consequence, score, level, matrixVersion } = event.data;
      const assessment = { likelihood, consequence, score, level, matrixVersion };
      return { ...state, assessments: { ...state.assessments, [basis]: assessment } };
    }
    case 'MitigationPlanned':
      return mitigation(event.data.mitigationId, 'PLANNED');
    case 'MitigationStarted':
      return mitigation(event.data.mitigationId, 'IN_PROGRESS');
    case 'MitigationApplied':
      return mitigation(event.data.mitigationId, 'APPLIED');
    case 'MitigationVerified':
      return mitigation(event.data.mitigationId, 'VERIFIED');
    case 'MitigationCancelled':
      return mitigation(event.data.mitigationId, 'CANCELLED');
    case 'RiskAccepted':
      return {
        ...state,
        acceptance: { acceptanceId: event.data.acceptanceId, lapsesOn: event.data.lapsesOn },
        acceptanceIds: [...state.acceptanceIds, event.data.acceptanceId],
      };
    case 'RiskAcceptanceRevoked':
    case 'RiskAcceptanceLapsed':
      return state.acceptance?.acceptanceId === event.data.acceptanceId
        ? { ...state, acceptance: null }
        : state;
    case 'RiskReassessmentRequested':
      return { ...state, reassessmentYears: [...state.reassessmentYears, event.data.year] };
    case 'RiskClosed':
      return { ...state, status: 'CLOSED' };
    case 'RiskReopened':
      return { ...state, status: 'OPEN' };
    case 'RiskOwnerAssigned':
    case 'RiskReviewed':
      return state;
  }
}

export function requireIdentified(riskId: string, state: RiskState): IdentifiedRisk {
  if (state.status === 'UNKNOWN') throw new NotFoundError('risk', riskId);
  return state;
}

/** A closed risk is history: it is neither assessed, treated, accepted nor reviewed until reopened. */
export function requireOpen(riskId: string, state: RiskState, what: string): IdentifiedRisk {
  const risk = requireIdentified(riskId, state);
  if (risk.status === 'CLOSED') {
    throw new RuleViolatedError(
      'risk-closed',
      `risk ${riskId} is closed, so it cannot ${what}; reopen it first`,
    );
  }
  return risk;
}
