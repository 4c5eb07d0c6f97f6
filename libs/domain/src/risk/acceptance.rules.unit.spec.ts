import { DEFAULT_MATRIX } from '../matrix/risk-matrix';
import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { riskDecider } from './risk.decider';
import type { RiskAcceptanceLapsed, RiskAcceptanceRevoked } from './risk.events';
import {
  acceptRisk,
  riskAccepted,
  riskAssessed,
  riskClosed,
  riskId,
  riskIdentified,
  TODAY,
} from '../../../../test/support/domain/risk-fixtures';

const spec = DeciderSpecification.for(riskDecider);

const currentHigh = riskAssessed(); // 3 × 4 = 12, HIGH
const targetMedium = riskAssessed({
  basis: 'TARGET',
  likelihood: 2,
  consequence: 4,
  score: 8,
  level: 'MEDIUM',
});
const assessed = [riskIdentified(), currentHigh, targetMedium];
const accepted = [...assessed, riskAccepted()];

const revoke = (change: object = {}) => ({
  type: 'RevokeRiskAcceptance' as const,
  riskId,
  acceptanceId: 'a-1',
  reason: 'Card reader broken again',
  ...change,
});
const revoked: RiskAcceptanceRevoked = {
  type: 'RiskAcceptanceRevoked',
  data: { riskId, acceptanceId: 'a-1', reason: 'Card reader broken again' },
};
const lapse = (today: string, acceptanceId = 'a-1') => ({
  type: 'LapseRiskAcceptance' as const,
  riskId,
  acceptanceId,
  today,
});
const lapsed: RiskAcceptanceLapsed = {
  type: 'RiskAcceptanceLapsed',
  data: { riskId, acceptanceId: 'a-1', lapsedOn: '2026-09-10' },
};

describe('AcceptRisk', () => {
  it('accepts the target (residual) risk, frozen, when the role may accept its level', () => {
    spec.given(assessed).when(acceptRisk()).then([riskAccepted()]);
  });

  it('accepts the current risk when there is no target assessment', () => {
    spec
      .given([riskIdentified(), currentHigh])
      .when(acceptRisk({ roles: ['SECURITY_COORDINATOR'], lapsesOn: '2026-06-01' }))
      .then([
        riskAccepted({
          acceptedByRole: 'SECURITY_COORDINATOR',
          residual: {
            basis: 'CURRENT',
            likelihood: 3,
            consequence: 4,
            score: 12,
            level: 'HIGH',
            matrixVersion: 1,
          },
          lapsesOn: '2026-06-01',
        }),
      ]);
  });

  it('refuses a risk without a current or target assessment, saying why', () => {
    const inherentOnly = riskAssessed({ basis: 'INHERENT' });
    spec
      .given([riskIdentified(), inherentOnly])
      .when(acceptRisk())
      .thenThrows(RuleViolatedError, {
        rule: 'risk-not-assessed',
        message: `risk ${riskId} has no current or target assessment, so there is nothing to accept; assess it first`,
      });
  });

  it('refuses a role the matrix does not allow for the level, naming the level and who may', () => {
    spec
      .given(assessed)
      .when(acceptRisk({ roles: ['RISK_OWNER'] }))
      .thenThrows(RuleViolatedError, {
        rule: 'acceptance-mandate',
        message:
          'a MEDIUM risk (score 8, matrix version 1) may be accepted only by AREA_RESPONSIBLE or ' +
          'SECURITY_COORDINATOR; you hold RISK_OWNER',
        facts: {
          level: 'MEDIUM',
          score: 8,
          matrixVersion: 1,
          acceptableBy: ['AREA_RESPONSIBLE', 'SECURITY_COORDINATOR'],
          heldRoles: ['RISK_OWNER'],
        },
      });
  });

  it('refuses an acceptance made in no role', () => {
    spec
      .given(assessed)
      .when(acceptRisk({ roles: [] }))
      .thenThrows(
        RuleViolatedError,
        (e) => e.rule === 'acceptance-mandate' && /you hold no role$/.test(e.message),
      );
  });

  it('refuses a very high risk whoever accepts it: it must be treated', () => {
    const veryHigh = riskAssessed({ likelihood: 5, consequence: 5, score: 25, level: 'VERY_HIGH' });
    spec
      .given([riskIdentified(), veryHigh])
      .when(acceptRisk({ roles: ['ADMINISTRATOR'] }))
      .thenThrows(
        RuleViolatedError,
        (e) =>
          e.rule === 'acceptance-mandate' &&
          /may be accepted nobody: it must be treated/.test(e.message),
      );
  });

  it('reads who may accept from the matrix in force, not the one the assessment used', () => {
    const lenient = {
      ...DEFAULT_MATRIX,
      version: 2,
      bands: DEFAULT_MATRIX.bands.map((b) =>
        b.level === 'MEDIUM' ? { ...b, acceptableBy: ['RISK_OWNER' as const] } : b,
      ),
    };
    spec
      .given(assessed)
      .when(acceptRisk({ roles: ['RISK_OWNER'], matrix: lenient }))
      .then([riskAccepted({ acceptedByRole: 'RISK_OWNER' })]);
  });

  it.each([
    ['2026-03-09', 'lapsesOn: must not be before today (2026-03-10)'],
    [
      '2027-03-11',
      'lapsesOn: must be no later than 2027-03-10: an acceptance of a MEDIUM risk holds for at most 365 days',
    ],
    ['2026-02-30', 'lapsesOn: must be a calendar date written YYYY-MM-DD'],
  ])('refuses the lapse date %s, naming lapsesOn', (lapsesOn, message) => {
    spec
      .given(assessed)
      .when(acceptRisk({ lapsesOn }))
      .thenThrows(InvalidValueError, { field: 'lapsesOn', message });
  });

  it.each([TODAY, '2027-03-10'])('accepts a lapse date of %s, within the band', (lapsesOn) => {
    spec
      .given(assessed)
      .when(acceptRisk({ lapsesOn }))
      .then([riskAccepted({ lapsesOn })]);
  });

  it('holds a high risk for at most 180 days', () => {
    spec
      .given([riskIdentified(), currentHigh])
      .when(acceptRisk({ roles: ['SECURITY_COORDINATOR'], lapsesOn: '2026-09-07' }))
      .thenThrows(
        InvalidValueError,
        (e) => e.field === 'lapsesOn' && /2026-09-06.*180 days/.test(e.message),
      );
  });

  it('refuses an acceptance without a justification, naming it', () => {
    spec
      .given(assessed)
      .when(acceptRisk({ justification: ' ' }))
      .thenThrows(InvalidValueError, { field: 'justification' });
  });

  it('refuses to accept a closed risk', () => {
    spec
      .given([...assessed, riskClosed])
      .when(acceptRisk())
      .thenThrows(
        RuleViolatedError,
        (e) => e.rule === 'risk-closed' && /cannot be accepted/.test(e.message),
      );
  });

  it('refuses an unknown risk', () => {
    spec.given([]).when(acceptRisk()).thenThrows(NotFoundError, { what: 'risk' });
  });

  it('lets a renewal replace the acceptance in force', () => {
    spec
      .given(accepted)
      .when(acceptRisk({ acceptanceId: 'a-2', lapsesOn: '2026-12-31' }))
      .then([riskAccepted({ acceptanceId: 'a-2', lapsesOn: '2026-12-31' })]);
    expect(fold(riskDecider, [...accepted, riskAccepted({ acceptanceId: 'a-2' })])).toMatchObject({
      acceptance: { acceptanceId: 'a-2' },
      acceptanceIds: ['a-1', 'a-2'],
    });
  });
});

describe('RevokeRiskAcceptance', () => {
  it('revokes the acceptance in force, with the reason', () => {
    spec.given(accepted).when(revoke()).then([revoked]);
  });

  it('refuses a revocation without a reason', () => {
    spec
      .given(accepted)
      .when(revoke({ reason: '' }))
      .thenThrows(InvalidValueError, { field: 'reason' });
  });

  it('refuses an acceptance never recorded', () => {
    spec
      .given(accepted)
      .when(revoke({ acceptanceId: 'a-9' }))
      .thenThrows(NotFoundError, { what: 'acceptance', id: 'a-9' });
  });

  it.each([
    ['revoked', revoked],
    ['lapsed', lapsed],
    ['replaced', riskAccepted({ acceptanceId: 'a-2' })],
  ])('refuses an acceptance already %s, saying why', (_, ended) => {
    spec
      .given([...accepted, ended])
      .when(revoke())
      .thenThrows(RuleViolatedError, {
        rule: 'acceptance-not-in-force',
        message:
          'acceptance a-1 is no longer in force (revoked, lapsed or replaced by a newer one), so it cannot be revoked',
      });
  });
});

describe('LapseRiskAcceptance (the sweep)', () => {
  it('records the lapse on the lapse date', () => {
    spec.given(accepted).when(lapse('2026-09-10')).then([lapsed]);
  });

  it('records the lapse date itself when the sweep comes later', () => {
    spec.given(accepted).when(lapse('2026-10-01')).then([lapsed]);
  });

  it('lapses an acceptance also on a risk closed meanwhile', () => {
    spec
      .given([...accepted, riskClosed])
      .when(lapse('2026-09-10'))
      .then([lapsed]);
  });

  it('refuses before the lapse date', () => {
    spec.given(accepted).when(lapse('2026-09-09')).thenThrows(RuleViolatedError, {
      rule: 'acceptance-not-due',
      message: 'acceptance a-1 holds until 2026-09-10',
    });
  });

  it.each([
    ['revoked', revoked],
    ['lapsed', lapsed],
  ])('refuses an acceptance already %s (the sweep skips it)', (_, ended) => {
    spec
      .given([...accepted, ended])
      .when(lapse('2026-09-10'))
      .thenThrows(
        RuleViolatedError,
        (e) => e.rule === 'acceptance-not-in-force' && /cannot lapse$/.test(e.message),
      );
  });

  it('refuses an unknown acceptance', () => {
    spec
      .given(accepted)
      .when(lapse('2026-09-10', 'a-9'))
      .thenThrows(NotFoundError, { what: 'acceptance' });
  });
});
