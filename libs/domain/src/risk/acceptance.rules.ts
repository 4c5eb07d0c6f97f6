import { bandFor } from '../matrix/risk-matrix';
import { requireCalendarDate } from '../shared/calendar-date';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { requireText } from '../shared/text';
import { addDays } from './calendar-days';
import type { AcceptRisk, LapseRiskAcceptance, RevokeRiskAcceptance } from './risk.commands';
import type { AcceptedAssessment, RiskEvent } from './risk.events';
import {
  requireIdentified,
  requireOpen,
  type AcceptanceInForce,
  type RiskState,
} from './risk.state';

/**
 * Accepting a risk: only someone whose role the matrix in force allows for the level, with a
 * justification, a frozen copy of the residual assessment and a lapse date no later than the band
 * allows (DOMAIN.md: who may accept, and how long an acceptance holds before it must be renewed).
 */
export function acceptRisk(command: AcceptRisk, state: RiskState): RiskEvent[] {
  const risk = requireOpen(command.riskId, state, 'be accepted');
  const target = risk.assessments.TARGET;
  const current = risk.assessments.CURRENT;
  const residual: AcceptedAssessment | null = target
    ? { basis: 'TARGET', ...target }
    : current
      ? { basis: 'CURRENT', ...current }
      : null;
  if (!residual) {
    throw new RuleViolatedError(
      'risk-not-assessed',
      `risk ${command.riskId} has no current or target assessment, so there is nothing to ` +
        'accept; assess it first',
    );
  }
  const band = bandFor(command.matrix, residual.score);
  // Someone may hold several roles; they accept in the one the band allows.
  const role = command.roles.find((held) => band.acceptableBy.includes(held as never)) ?? null;
  if (role === null) {
    const who =
      band.acceptableBy.length === 0
        ? 'nobody: it must be treated'
        : `only by ${band.acceptableBy.join(' or ')}`;
    throw new RuleViolatedError(
      'acceptance-mandate',
      `a ${band.level} risk (score ${residual.score}, matrix version ${command.matrix.version}) ` +
        `may be accepted ${who}; you hold ${command.roles.join(', ') || 'no role'}`,
      {
        level: band.level,
        score: residual.score,
        matrixVersion: command.matrix.version,
        acceptableBy: band.acceptableBy,
        heldRoles: command.roles,
      },
    );
  }
  const lapsesOn = requireCalendarDate('lapsesOn', command.lapsesOn);
  if (lapsesOn < command.today) {
    throw new InvalidValueError('lapsesOn', `must not be before today (${command.today})`);
  }
  const latest = addDays(command.today, band.maxAcceptanceDays);
  if (lapsesOn > latest) {
    throw new InvalidValueError(
      'lapsesOn',
      `must be no later than ${latest}: an acceptance of a ${band.level} risk holds for at most ` +
        `${band.maxAcceptanceDays} days`,
    );
  }
  return [
    {
      type: 'RiskAccepted',
      data: {
        riskId: command.riskId,
        acceptanceId: command.acceptanceId,
        justification: requireText('justification', command.justification, 2000),
        acceptedByRole: role,
        residual,
        lapsesOn,
      },
    },
  ];
}

export function revokeAcceptance(command: RevokeRiskAcceptance, state: RiskState): RiskEvent[] {
  acceptanceInForce(command, state, 'revoked');
  return [
    {
      type: 'RiskAcceptanceRevoked',
      data: {
        riskId: command.riskId,
        acceptanceId: command.acceptanceId,
        reason: requireText('reason', command.reason, 2000),
      },
    },
  ];
}

/** An acceptance lapses by itself once its date has come, also on a risk closed meanwhile. */
export function lapseAcceptance(command: LapseRiskAcceptance, state: RiskState): RiskEvent[] {
  const acceptance = acceptanceInForce(command, state, 'lapse');
  if (acceptance.lapsesOn > command.today) {
    throw new RuleViolatedError(
      'acceptance-not-due',
      `acceptance ${command.acceptanceId} holds until ${acceptance.lapsesOn}`,
    );
  }
  return [
    {
      type: 'RiskAcceptanceLapsed',
      data: {
        riskId: command.riskId,
        acceptanceId: command.acceptanceId,
        lapsedOn: acceptance.lapsesOn,
      },
    },
  ];
}

function acceptanceInForce(
  command: { riskId: string; acceptanceId: string },
  state: RiskState,
  step: string,
): AcceptanceInForce {
  const risk = requireIdentified(command.riskId, state);
  if (!risk.acceptanceIds.includes(command.acceptanceId)) {
    throw new NotFoundError('acceptance', command.acceptanceId);
  }
  if (risk.acceptance?.acceptanceId !== command.acceptanceId) {
    throw new RuleViolatedError(
      'acceptance-not-in-force',
      `acceptance ${command.acceptanceId} is no longer in force (revoked, lapsed or replaced ` +
        `by a newer one), so it cannot ${step === 'lapse' ? 'lapse' : `be ${step}`}`,
    );
  }
  return risk.acceptance;
}
