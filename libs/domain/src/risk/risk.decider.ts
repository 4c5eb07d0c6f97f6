import { requireCalendarDate } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { InvalidValueError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import { acceptRisk, lapseAcceptance, revokeAcceptance } from './acceptance.rules';
import { addDays } from './calendar-days';
import {
  applyMitigation,
  cancelMitigation,
  planMitigation,
  startMitigation,
  verifyMitigation,
} from './mitigation.rules';
import { requestReassessment } from './reassessment.rules';
import { assess, checkScale, type RiskAssessment } from './risk-assessment';
import type {
  AssessRisk,
  AssignRiskOwner,
  CloseRisk,
  IdentifyRisk,
  ReopenRisk,
  ReviewRisk,
  RiskCommand,
} from './risk.commands';
import {
  ASSESSMENT_BASES,
  RISK_CLASSIFICATIONS,
  type AssessmentBasis,
  type RiskClassification,
  type RiskEvent,
} from './risk.events';
import { evolveRisk, requireIdentified, requireOpen, type RiskState } from './risk.state';

export type { IdentifiedRisk, MitigationStatus, RiskState } from './risk.state';

/** Every risk is reviewed at least yearly unless its owner sets an earlier date. */
const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

export const riskDecider: Decider<RiskState, RiskCommand, RiskEvent> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'IdentifyRisk':
        return identify(command, state);
      case 'AssignRiskOwner':
        return assignOwner(command, state);
      case 'AssessRisk':
        return assessRisk(command, state);
      case 'PlanMitigation':
        return planMitigation(command, state);
      case 'StartMitigation':
        return startMitigation(command, state);
      case 'ApplyMitigation':
        return applyMitigation(command, state);
      case 'VerifyMitigation':
        return verifyMitigation(command, state);
      case 'CancelMitigation':
        return cancelMitigation(command, state);
      case 'AcceptRisk':
        return acceptRisk(command, state);
      case 'RevokeRiskAcceptance':
        return revokeAcceptance(command, state);
      case 'LapseRiskAcceptance':
        return lapseAcceptance(command, state);
      case 'ReviewRisk':
        return review(command, state);
      case 'RequestRiskReassessment':
        return requestReassessment(command, state);
      case 'CloseRisk':
        return close(command, state);
      case 'ReopenRisk':
        return reopen(command, state);
    }
  },

  evolve: evolveRisk,
};

function identify(command: IdentifyRisk, state: RiskState): RiskEvent[] {
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError(
      'risk-already-identified',
      `risk ${command.riskId} is already identified`,
    );
  }
  const { activeAreas, unitKnown } = command.reference;
  if (!activeAreas.includes(command.area)) {
    throw new InvalidValueError('area', `must be one of ${activeAreas.join(', ')}`);
  }
  const additionalAreas: string[] = [];
  for (const code of command.additionalAreas ?? []) {
    if (!activeAreas.includes(code)) {
      throw new InvalidValueError('additionalAreas', `${code} is not a security area in use`);
    }
    if (code !== command.area && !additionalAreas.includes(code)) additionalAreas.push(code);
  }
  const unit = requireText('unit', command.unit, 200);
  if (!unitKnown) {
    throw new InvalidValueError('unit', `${unit} is not a known organisational unit`);
  }
  const scenario = command.scenario
    ? {
        cause: requireText('scenario.cause', command.scenario.cause, 1000),
        event: requireText('scenario.event', command.scenario.event, 1000),
        consequence: requireText('scenario.consequence', command.scenario.consequence, 1000),
      }
    : null;
  const description =
    optionalText('description', command.description, 5000) ??
    (scenario
      ? `Because of ${scenario.cause}, ${scenario.event}, which leads to ${scenario.consequence}.`
      : null);
  if (description === null) {
    throw new InvalidValueError(
      'description',
      'must be given unless the scenario (cause, event, consequence) is',
    );
  }
  const identified: RiskEvent = {
    type: 'RiskIdentified',
    data: {
      riskId: command.riskId,
      title: requireText('title', command.title, 200),
      description,
      cause: scenario?.cause ?? null,
      event: scenario?.event ?? null,
      consequence: scenario?.consequence ?? null,
      threat: optionalText('threat', command.threat, 1000),
      area: command.area,
      additionalAreas,
      unit,
      owner: optionalText('owner', command.owner, 200),
      supplier: optionalText('supplier', command.supplier, 200),
      contract: optionalText('contract', command.contract, 200),
      classification: classificationOf(command.classification),
      nextReviewDate: nextReviewDateOf(command),
      sourceIncidentId: optionalText('sourceIncidentId', command.sourceIncidentId, 200),
    },
  };
  const hasLikelihood = command.likelihood !== undefined && command.likelihood !== null;
  const hasConsequence = command.consequence !== undefined && command.consequence !== null;
  if (hasLikelihood !== hasConsequence) {
    throw new InvalidValueError(
      hasLikelihood ? 'consequence' : 'likelihood',
      'must be given together with ' + (hasLikelihood ? 'likelihood' : 'consequence'),
    );
  }
  if (!hasLikelihood) return [identified];
  const assessment = assess(
    {
      likelihood: checkScale('likelihood', command.likelihood as number),
      consequence: checkScale('consequence', command.consequence as number),
    },
    command.matrix,
  );
  return [
    identified,
    {
      type: 'RiskAssessed',
      data: { riskId: command.riskId, basis: 'CURRENT', warnings: [], ...assessment },
    },
  ];
}

function classificationOf(value: string | null | undefined): RiskClassification {
  if (value === undefined || value === null) return 'OPEN';
  if (!(RISK_CLASSIFICATIONS as readonly string[]).includes(value)) {
    throw new InvalidValueError(
      'classification',
      `must be one of ${RISK_CLASSIFICATIONS.join(', ')}`,
    );
  }
  return value as RiskClassification;
}

function nextReviewDateOf(command: IdentifyRisk): string {
  if (command.nextReviewDate === undefined || command.nextReviewDate === null) {
    return addDays(command.today, DEFAULT_REVIEW_INTERVAL_DAYS);
  }
  const date = requireCalendarDate('nextReviewDate', command.nextReviewDate);
  if (date < command.today) {
    throw new InvalidValueError('nextReviewDate', `must not be before today (${command.today})`);
  }
  return date;
}

function assignOwner(command: AssignRiskOwner, state: RiskState): RiskEvent[] {
  requireIdentified(command.riskId, state);
  return [
    {
      type: 'RiskOwnerAssigned',
      data: { riskId: command.riskId, owner: requireText('owner', command.owner, 200) },
    },
  ];
}

function assessRisk(command: AssessRisk, state: RiskState): RiskEvent[] {
  const risk = requireOpen(command.riskId, state, 'be assessed');
  const basis = basisOf(command.basis);
  const assessment = assess(command, command.matrix);
  const assessments = { ...risk.assessments, [basis]: assessment };
  return [
    {
      type: 'RiskAssessed',
      data: { riskId: command.riskId, basis, warnings: warningsFor(assessments), ...assessment },
    },
  ];
}

function basisOf(value: string | null | undefined): AssessmentBasis {
  if (value === undefined || value === null) return 'CURRENT';
  if (!(ASSESSMENT_BASES as readonly string[]).includes(value)) {
    throw new InvalidValueError('basis', `must be one of ${ASSESSMENT_BASES.join(', ')}`);
  }
  return value as AssessmentBasis;
}

/**
 * Treatment lowers a risk: a target (residual) above the current risk, or a current risk above the
 * inherent one, is probably a mistake. It is recorded as a warning, not refused: the assessor may
 * know better (e.g. the threat grew).
 */
function warningsFor(assessments: Partial<Record<AssessmentBasis, RiskAssessment>>): string[] {
  const { INHERENT: inherent, CURRENT: current, TARGET: target } = assessments;
  const warnings: string[] = [];
  if (target && current && target.score > current.score) {
    warnings.push(
      `the target (residual) risk, score ${target.score}, is above the current risk, score ${current.score}`,
    );
  }
  if (current && inherent && current.score > inherent.score) {
    warnings.push(
      `the current risk, score ${current.score}, is above the inherent risk, score ${inherent.score}`,
    );
  }
  return warnings;
}

function review(command: ReviewRisk, state: RiskState): RiskEvent[] {
  requireOpen(command.riskId, state, 'be reviewed');
  const nextReviewDate = requireCalendarDate('nextReviewDate', command.nextReviewDate);
  if (nextReviewDate <= command.today) {
    throw new InvalidValueError('nextReviewDate', `must be after today (${command.today})`);
  }
  return [
    {
      type: 'RiskReviewed',
      data: {
        riskId: command.riskId,
        notes: requireText('notes', command.notes, 5000),
        nextReviewDate,
      },
    },
  ];
}

function close(command: CloseRisk, state: RiskState): RiskEvent[] {
  const risk = requireIdentified(command.riskId, state);
  if (risk.status === 'CLOSED') {
    throw new RuleViolatedError('risk-already-closed', `risk ${command.riskId} is already closed`);
  }
  return [
    {
      type: 'RiskClosed',
      data: { riskId: command.riskId, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}

function reopen(command: ReopenRisk, state: RiskState): RiskEvent[] {
  const risk = requireIdentified(command.riskId, state);
  if (risk.status !== 'CLOSED') {
    throw new RuleViolatedError(
      'risk-not-closed',
      `risk ${command.riskId} is open, so there is nothing to reopen`,
    );
  }
  return [
    {
      type: 'RiskReopened',
      data: { riskId: command.riskId, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}
