import { InvalidValueError, RuleViolatedError } from '../shared/errors';
import type { RequestRiskReassessment } from './risk.commands';
import type { RiskEvent } from './risk.events';
import { requireOpen, type RiskState } from './risk.state';

/**
 * The yearly re-assessment: every open risk is looked at again at least once a year, starting from
 * last year's risks. A risk is asked for once per year, and not at all when it was already reviewed
 * or assessed in that year (or later): the looking-again has then happened. The next review or
 * assessment answers the request.
 */
export function requestReassessment(
  command: RequestRiskReassessment,
  state: RiskState,
): RiskEvent[] {
  const risk = requireOpen(command.riskId, state, 'be re-assessed');
  const year = checkReassessmentYear(command.year, command.today);
  if (risk.reassessmentYears.includes(year)) {
    throw new RuleViolatedError(
      'reassessment-already-requested',
      `the ${year} re-assessment of risk ${command.riskId} has already been requested`,
    );
  }
  const last = command.lastReviewedOrAssessedOn;
  if (last !== null && Number(last.slice(0, 4)) >= year) {
    throw new RuleViolatedError(
      'already-reassessed',
      `risk ${command.riskId} was reviewed or assessed on ${last}, so it needs no ${year} ` +
        're-assessment',
    );
  }
  return [{ type: 'RiskReassessmentRequested', data: { riskId: command.riskId, year } }];
}

/**
 * Last year (late), this year, or the next (a region may start it in December); no other. The
 * caller of a re-assessment of many risks checks it first, so that a wrong year is refused even
 * when there is no risk to ask.
 */
export function checkReassessmentYear(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < thisYear - 1 || year > thisYear + 1) {
    throw new InvalidValueError(
      'year',
      `must be a year from ${thisYear - 1} to ${thisYear + 1} (the re-assessment of last year, ` +
        'this year or the next)',
    );
  }
  return year;
}
