import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { checkReassessmentYear } from './reassessment.rules';
import type { RequestRiskReassessment } from './risk.commands';
import { riskDecider } from './risk.decider';
import type { RiskReassessmentRequested } from './risk.events';
import {
  riskAssessed,
  riskClosed,
  riskId,
  riskIdentified,
  riskReopened,
  TODAY,
} from '../../../../test/support/domain/risk-fixtures';

const spec = DeciderSpecification.for(riskDecider);

/** TODAY is 2026-03-10: the 2026 re-assessment of a risk last looked at in 2025. */
const requestReassessment = (
  change: Partial<RequestRiskReassessment> = {},
): RequestRiskReassessment => ({
  type: 'RequestRiskReassessment',
  riskId,
  year: 2026,
  lastReviewedOrAssessedOn: '2025-05-20',
  today: TODAY,
  ...change,
});

const requested = (year = 2026): RiskReassessmentRequested => ({
  type: 'RiskReassessmentRequested',
  data: { riskId, year },
});

describe('RequestRiskReassessment (the yearly re-assessment)', () => {
  it('asks for the re-assessment of an open risk last looked at in an earlier year', () => {
    spec.given([riskIdentified(), riskAssessed()]).when(requestReassessment()).then([requested()]);
  });

  it('asks for it of a risk never reviewed or assessed at all', () => {
    spec
      .given([riskIdentified()])
      .when(requestReassessment({ lastReviewedOrAssessedOn: null }))
      .then([requested()]);
  });

  it('may start next year’s in December, and catch up on last year’s', () => {
    spec
      .given([riskIdentified()])
      .when(requestReassessment({ year: 2027, lastReviewedOrAssessedOn: '2026-12-01' }))
      .then([requested(2027)]);
    spec
      .given([riskIdentified()])
      .when(requestReassessment({ year: 2025, lastReviewedOrAssessedOn: '2024-06-01' }))
      .then([requested(2025)]);
  });

  it('refuses a risk already reviewed or assessed in that year (or later): it has been looked at', () => {
    for (const lastReviewedOrAssessedOn of ['2026-01-02', '2027-01-15']) {
      spec
        .given([riskIdentified(), riskAssessed()])
        .when(requestReassessment({ lastReviewedOrAssessedOn }))
        .thenThrows(RuleViolatedError, {
          rule: 'already-reassessed',
          message: `risk ${riskId} was reviewed or assessed on ${lastReviewedOrAssessedOn}, so it needs no 2026 re-assessment`,
        });
    }
  });

  it('asks once per year: a second request for the same year is refused, another year is not', () => {
    spec
      .given([riskIdentified(), requested()])
      .when(requestReassessment())
      .thenThrows(RuleViolatedError, { rule: 'reassessment-already-requested' });
    spec
      .given([riskIdentified(), requested(2025)])
      .when(requestReassessment())
      .then([requested()]);
  });

  it('refuses a closed risk, and asks again once it is reopened', () => {
    spec
      .given([riskIdentified(), riskClosed])
      .when(requestReassessment())
      .thenThrows(RuleViolatedError, { rule: 'risk-closed' });
    spec
      .given([riskIdentified(), riskClosed, riskReopened])
      .when(requestReassessment())
      .then([requested()]);
  });

  it('refuses an unknown risk', () => {
    spec.given([]).when(requestReassessment()).thenThrows(NotFoundError, { what: 'risk' });
  });

  it.each([2024, 2028, 2026.5, Number.NaN])('refuses the year %p (400 naming year)', (year) => {
    spec
      .given([riskIdentified()])
      .when(requestReassessment({ year }))
      .thenThrows(InvalidValueError, { field: 'year' });
    expect(() => checkReassessmentYear(year, TODAY)).toThrow(InvalidValueError);
  });

  it('remembers the years asked for when the stream is replayed', () => {
    expect(fold(riskDecider, [riskIdentified(), requested(2025), requested(2026)])).toMatchObject({
      reassessmentYears: [2025, 2026],
    });
  });
});
