import { DEFAULT_MATRIX } from '../matrix/risk-matrix';
import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { riskDecider } from './risk.decider';
import type { RiskAssessed, RiskReviewed } from './risk.events';
import {
  applyMitigation,
  assessRisk,
  identifyRisk,
  mitigationApplied,
  mitigationPlanned,
  planMitigation,
  riskAssessed,
  riskClosed,
  riskId,
  riskIdentified,
  riskReopened,
  TODAY,
  tooLong,
} from '../../../../test/support/domain/risk-fixtures';

const spec = DeciderSpecification.for(riskDecider);

describe('IdentifyRisk', () => {
  it('records the risk, without an assessment when none is given, due for review in a year', () => {
    spec
      .given([])
      .when(identifyRisk())
      .then([riskIdentified({ nextReviewDate: '2027-03-10' })]);
  });

  it('records the initial assessment, of the current risk, after the risk when both scores are given', () => {
    spec
      .given([])
      .when(identifyRisk({ likelihood: 4, consequence: 5 }))
      .then([
        riskIdentified(),
        riskAssessed({ likelihood: 4, consequence: 5, score: 20, level: 'VERY_HIGH' }),
      ]);
  });

  it('reads the initial level from the matrix passed in, and records its version', () => {
    const strict = {
      ...DEFAULT_MATRIX,
      version: 2,
      bands: DEFAULT_MATRIX.bands.map((b) => (b.level === 'LOW' ? { ...b, maxScore: 1 } : b)),
    };
    spec
      .given([])
      .when(identifyRisk({ likelihood: 1, consequence: 2, matrix: strict }))
      .then([
        riskIdentified(),
        riskAssessed({
          likelihood: 1,
          consequence: 2,
          score: 2,
          level: 'MEDIUM',
          matrixVersion: 2,
        }),
      ]);
  });

  it('records everything the MSB form and the policies ask for', () => {
    spec
      .given([])
      .when(
        identifyRisk({
          description: null,
          scenario: {
            cause: ' a broken door closer ',
            event: 'strangers enter the medicine room',
            consequence: 'theft of narcotics',
          },
          threat: ' Theft ',
          additionalAreas: ['CRIME_PREVENTION', 'PHARMACEUTICALS', 'CRIME_PREVENTION'],
          owner: 'Anna Berg',
          supplier: 'Lock & Door AB',
          contract: 'RV-2024-113',
          classification: 'RESTRICTED',
          nextReviewDate: '2026-06-30',
          sourceIncidentId: 'incident-9',
        }),
      )
      .then([
        riskIdentified({
          description:
            'Because of a broken door closer, strangers enter the medicine room, which leads to theft of narcotics.',
          cause: 'a broken door closer',
          event: 'strangers enter the medicine room',
          consequence: 'theft of narcotics',
          threat: 'Theft',
          additionalAreas: ['CRIME_PREVENTION'],
          owner: 'Anna Berg',
          supplier: 'Lock & Door AB',
          contract: 'RV-2024-113',
          classification: 'RESTRICTED',
          nextReviewDate: '2026-06-30',
          sourceIncidentId: 'incident-9',
        }),
      ]);
  });

  it('keeps a description given beside the scenario', () => {
    const scenario = { cause: 'c', event: 'e', consequence: 'q' };
    spec
      .given([])
      .when(identifyRisk({ scenario }))
      .then([riskIdentified({ cause: 'c', event: 'e', consequence: 'q' })]);
  });

  it('refuses a risk with neither description nor scenario, naming description', () => {
    spec
      .given([])
      .when(identifyRisk({ description: '  ' }))
      .thenThrows(InvalidValueError, { field: 'description' });
  });

  it.each(['cause', 'event', 'consequence'] as const)(
    'refuses a scenario with a blank %s, naming it',
    (part) => {
      const scenario = { cause: 'c', event: 'e', consequence: 'q', [part]: ' ' };
      spec
        .given([])
        .when(identifyRisk({ scenario }))
        .thenThrows(InvalidValueError, { field: `scenario.${part}` });
    },
  );

  it('accepts a region’s own area when it is in use', () => {
    spec
      .given([])
      .when(identifyRisk({ area: 'PHYSICAL_SECURITY' }))
      .then([riskIdentified({ area: 'PHYSICAL_SECURITY' })]);
  });

  it.each(['WEATHER', 'it_security', '', 'FIRE_SAFETY'])(
    'refuses the area %p that is not in use, naming area',
    (area) => {
      spec.given([]).when(identifyRisk({ area })).thenThrows(InvalidValueError, { field: 'area' });
    },
  );

  it('refuses an additional area that is not in use, naming additionalAreas', () => {
    spec
      .given([])
      .when(identifyRisk({ additionalAreas: ['CRIME_PREVENTION', 'RETIRED_AREA'] }))
      .thenThrows(InvalidValueError, {
        field: 'additionalAreas',
        message: 'additionalAreas: RETIRED_AREA is not a security area in use',
      });
  });

  it('refuses a unit the organisation does not know, naming unit', () => {
    spec
      .given([])
      .when(identifyRisk({ reference: { activeAreas: ['PHARMACEUTICALS'], unitKnown: false } }))
      .thenThrows(InvalidValueError, {
        field: 'unit',
        message: 'unit: Ward 12 is not a known organisational unit',
      });
  });

  it('refuses an unknown classification, naming classification', () => {
    spec
      .given([])
      .when(identifyRisk({ classification: 'SECRET' }))
      .thenThrows(InvalidValueError, { field: 'classification' });
  });

  it.each([
    ['2026-03-09', 'must not be before today (2026-03-10)'],
    ['2026-02-30', 'must be a calendar date written YYYY-MM-DD'],
  ])('refuses the next review date %s, naming it', (nextReviewDate, message) => {
    spec
      .given([])
      .when(identifyRisk({ nextReviewDate }))
      .thenThrows(InvalidValueError, {
        field: 'nextReviewDate',
        message: `nextReviewDate: ${message}`,
      });
  });

  it('accepts a next review today', () => {
    spec
      .given([])
      .when(identifyRisk({ nextReviewDate: TODAY }))
      .then([riskIdentified({ nextReviewDate: TODAY })]);
  });

  it('treats null scores as no assessment', () => {
    spec
      .given([])
      .when(identifyRisk({ likelihood: null, consequence: null }))
      .then([riskIdentified()]);
  });

  it('refuses a likelihood without a consequence, naming consequence', () => {
    spec
      .given([])
      .when(identifyRisk({ likelihood: 3 }))
      .thenThrows(InvalidValueError, {
        field: 'consequence',
        message: 'consequence: must be given together with likelihood',
      });
  });

  it('refuses a consequence without a likelihood, naming likelihood', () => {
    spec
      .given([])
      .when(identifyRisk({ likelihood: null, consequence: 3 }))
      .thenThrows(InvalidValueError, { field: 'likelihood' });
  });

  it.each([
    ['likelihood', { likelihood: 0, consequence: 3 }],
    ['likelihood', { likelihood: 6, consequence: 3 }],
    ['likelihood', { likelihood: 1.5, consequence: 3 }],
    ['consequence', { likelihood: 3, consequence: 0 }],
  ])('refuses an initial %s outside 1..5, naming it', (field, scores) => {
    spec.given([]).when(identifyRisk(scores)).thenThrows(InvalidValueError, { field });
  });

  it('trims the texts and the owner', () => {
    spec
      .given([])
      .when(
        identifyRisk({
          title: '  Medicine room left unlocked ',
          unit: ' Ward 12\n',
          owner: '  Anna Berg ',
        }),
      )
      .then([riskIdentified({ owner: 'Anna Berg' })]);
  });

  it.each([undefined, null, '', '   '])(
    'records a left-out or blank owner (%p) as null',
    (owner) => {
      spec
        .given([])
        .when(identifyRisk({ owner }))
        .then([riskIdentified({ owner: null })]);
    },
  );

  it.each(['title', 'unit'] as const)('refuses a blank %s, naming it', (field) => {
    spec
      .given([])
      .when(identifyRisk({ [field]: '   ' }))
      .thenThrows(InvalidValueError, { field, message: `${field}: must not be empty` });
  });

  it.each([
    ['title', 200],
    ['description', 5000],
    ['unit', 200],
    ['owner', 200],
    ['threat', 1000],
    ['supplier', 200],
    ['contract', 200],
  ] as const)('refuses a %s longer than %i characters, naming it', (field, max) => {
    spec
      .given([])
      .when(identifyRisk({ [field]: tooLong(max) }))
      .thenThrows(InvalidValueError, {
        field,
        message: `${field}: must be at most ${max} characters`,
      });
  });

  it('refuses a risk that is already identified', () => {
    spec
      .given([riskIdentified()])
      .when(identifyRisk())
      .thenThrows(RuleViolatedError, { rule: 'risk-already-identified' });
  });
});

describe('AssignRiskOwner', () => {
  it('records the new owner, trimmed', () => {
    spec
      .given([riskIdentified()])
      .when({ type: 'AssignRiskOwner', riskId, owner: ' erik.lund@region.se ' })
      .then([{ type: 'RiskOwnerAssigned', data: { riskId, owner: 'erik.lund@region.se' } }]);
  });

  it('refuses a blank owner, naming owner', () => {
    spec
      .given([riskIdentified()])
      .when({ type: 'AssignRiskOwner', riskId, owner: ' ' })
      .thenThrows(InvalidValueError, { field: 'owner' });
  });

  it('refuses an unknown risk', () => {
    spec
      .given([])
      .when({ type: 'AssignRiskOwner', riskId, owner: 'x' })
      .thenThrows(NotFoundError, { what: 'risk' });
  });
});

describe('AssessRisk', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(assessRisk(3, 4)).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('records the score, level and matrix version of the current risk by default', () => {
    spec.given([riskIdentified()]).when(assessRisk(3, 4)).then([riskAssessed()]);
  });

  it.each(['INHERENT', 'CURRENT', 'TARGET'] as const)('records the basis %s', (basis) => {
    spec
      .given([riskIdentified()])
      .when(assessRisk(3, 4, { basis }))
      .then([riskAssessed({ basis })]);
  });

  it('refuses an unknown basis, naming basis', () => {
    spec
      .given([riskIdentified()])
      .when(assessRisk(3, 4, { basis: 'RESIDUAL' }))
      .thenThrows(InvalidValueError, { field: 'basis' });
  });

  it('records a reassessment as a new event', () => {
    spec
      .given([riskIdentified(), riskAssessed()])
      .when(assessRisk(1, 2))
      .then([riskAssessed({ likelihood: 1, consequence: 2, score: 2, level: 'LOW' })]);
  });

  it('warns, without refusing, when the target is above the current risk', () => {
    spec
      .given([
        riskIdentified(),
        riskAssessed({ likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM' }),
      ])
      .when(assessRisk(3, 4, { basis: 'TARGET' }))
      .then([
        riskAssessed({
          basis: 'TARGET',
          warnings: ['the target (residual) risk, score 12, is above the current risk, score 8'],
        }),
      ]);
  });

  it('warns when a new current risk is above the inherent one', () => {
    const inherent = riskAssessed({
      basis: 'INHERENT',
      likelihood: 2,
      consequence: 2,
      score: 4,
      level: 'MEDIUM',
    });
    spec
      .given([riskIdentified(), inherent])
      .when(assessRisk(3, 4))
      .then([
        riskAssessed({
          warnings: ['the current risk, score 12, is above the inherent risk, score 4'],
        }),
      ]);
  });

  it('warns of both when an inherent assessment leaves the three out of order', () => {
    const history = [
      riskIdentified(),
      riskAssessed({ likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM' }),
      riskAssessed({ basis: 'TARGET', likelihood: 3, consequence: 4, score: 12, level: 'HIGH' }),
    ];
    const expected: RiskAssessed = riskAssessed({
      basis: 'INHERENT',
      likelihood: 1,
      consequence: 2,
      score: 2,
      level: 'LOW',
      warnings: [
        'the target (residual) risk, score 12, is above the current risk, score 8',
        'the current risk, score 8, is above the inherent risk, score 2',
      ],
    });
    spec
      .given(history)
      .when(assessRisk(1, 2, { basis: 'INHERENT' }))
      .then([expected]);
  });

  it('does not warn when inherent ≥ current ≥ target', () => {
    spec
      .given([
        riskIdentified(),
        riskAssessed({
          basis: 'INHERENT',
          likelihood: 4,
          consequence: 4,
          score: 16,
          level: 'HIGH',
        }),
        riskAssessed(),
      ])
      .when(assessRisk(2, 4, { basis: 'TARGET' }))
      .then([
        riskAssessed({ basis: 'TARGET', likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM' }),
      ]);
  });

  it.each<[number, number, number, RiskAssessed['data']['level']]>([
    [1, 3, 3, 'LOW'],
    [2, 2, 4, 'MEDIUM'],
    [3, 3, 9, 'MEDIUM'],
    [2, 5, 10, 'HIGH'],
    [4, 4, 16, 'HIGH'],
    [4, 5, 20, 'VERY_HIGH'],
    [5, 5, 25, 'VERY_HIGH'],
  ])('at the band boundary %i × %i = %i records %s', (likelihood, consequence, score, level) => {
    spec
      .given([riskIdentified()])
      .when(assessRisk(likelihood, consequence))
      .then([riskAssessed({ likelihood, consequence, score, level })]);
  });

  it.each([0, 6, 2.5, NaN])('refuses likelihood %p, naming likelihood', (likelihood) => {
    spec
      .given([riskIdentified()])
      .when(assessRisk(likelihood, 3))
      .thenThrows(InvalidValueError, { field: 'likelihood' });
  });

  it.each([0, 6, 2.5, NaN])('refuses consequence %p, naming consequence', (consequence) => {
    spec
      .given([riskIdentified()])
      .when(assessRisk(3, consequence))
      .thenThrows(InvalidValueError, { field: 'consequence' });
  });

  it('refuses to assess a closed risk, saying why', () => {
    spec
      .given([riskIdentified(), riskClosed])
      .when(assessRisk(3, 4))
      .thenThrows(RuleViolatedError, {
        rule: 'risk-closed',
        message: `risk ${riskId} is closed, so it cannot be assessed; reopen it first`,
      });
  });

  it('assesses a reopened risk again', () => {
    spec
      .given([riskIdentified(), riskClosed, riskReopened])
      .when(assessRisk(3, 4))
      .then([riskAssessed()]);
  });
});

describe('CloseRisk and ReopenRisk', () => {
  const close = (reason = 'The medicine room was removed') =>
    ({ type: 'CloseRisk', riskId, reason }) as const;
  const reopen = (reason = 'The room is back in use') =>
    ({ type: 'ReopenRisk', riskId, reason }) as const;

  it('closes an open risk with its reason, trimmed', () => {
    spec
      .given([riskIdentified()])
      .when(close('  The medicine room was removed '))
      .then([riskClosed]);
  });

  it('refuses to close without a reason, naming reason', () => {
    spec
      .given([riskIdentified()])
      .when(close(' '))
      .thenThrows(InvalidValueError, { field: 'reason' });
  });

  it('refuses a reason over 2000 characters', () => {
    spec
      .given([riskIdentified()])
      .when(close(tooLong(2000)))
      .thenThrows(InvalidValueError, { field: 'reason' });
  });

  it('refuses to close a risk twice', () => {
    spec
      .given([riskIdentified(), riskClosed])
      .when(close())
      .thenThrows(RuleViolatedError, { rule: 'risk-already-closed' });
  });

  it('refuses to close an unknown risk', () => {
    spec.given([]).when(close()).thenThrows(NotFoundError, { what: 'risk' });
  });

  it('reopens a closed risk with its reason', () => {
    spec.given([riskIdentified(), riskClosed]).when(reopen()).then([riskReopened]);
  });

  it('refuses to reopen an open risk, saying why', () => {
    spec
      .given([riskIdentified()])
      .when(reopen())
      .thenThrows(RuleViolatedError, {
        rule: 'risk-not-closed',
        message: `risk ${riskId} is open, so there is nothing to reopen`,
      });
  });

  it('refuses to reopen without a reason', () => {
    spec
      .given([riskIdentified(), riskClosed])
      .when(reopen(''))
      .thenThrows(InvalidValueError, { field: 'reason' });
  });

  it('closes a reopened risk again', () => {
    spec.given([riskIdentified(), riskClosed, riskReopened]).when(close()).then([riskClosed]);
  });
});

describe('ReviewRisk', () => {
  const reviewRisk = (change: object = {}) => ({
    type: 'ReviewRisk' as const,
    riskId,
    notes: ' Still relevant; card access works ',
    nextReviewDate: '2026-09-01',
    today: TODAY,
    ...change,
  });
  const riskReviewed: RiskReviewed = {
    type: 'RiskReviewed',
    data: { riskId, notes: 'Still relevant; card access works', nextReviewDate: '2026-09-01' },
  };

  it('records the review with its notes and the next review date', () => {
    spec.given([riskIdentified()]).when(reviewRisk()).then([riskReviewed]);
  });

  it.each([
    [TODAY, 'must be after today (2026-03-10)'],
    ['2026-01-01', 'must be after today (2026-03-10)'],
    ['next year', 'must be a calendar date written YYYY-MM-DD'],
  ])('refuses the next review date %p, naming it', (nextReviewDate, message) => {
    spec
      .given([riskIdentified()])
      .when(reviewRisk({ nextReviewDate }))
      .thenThrows(InvalidValueError, {
        field: 'nextReviewDate',
        message: `nextReviewDate: ${message}`,
      });
  });

  it('refuses a review without notes, naming notes', () => {
    spec
      .given([riskIdentified()])
      .when(reviewRisk({ notes: ' ' }))
      .thenThrows(InvalidValueError, { field: 'notes' });
  });

  it('refuses to review a closed risk', () => {
    spec
      .given([riskIdentified(), riskClosed])
      .when(reviewRisk())
      .thenThrows(
        RuleViolatedError,
        (e) => e.rule === 'risk-closed' && /cannot be reviewed/.test(e.message),
      );
  });

  it('refuses to review an unknown risk', () => {
    spec.given([]).when(reviewRisk()).thenThrows(NotFoundError, { what: 'risk' });
  });
});

describe('evolve (replaying a risk stream)', () => {
  it('starts from an unknown risk', () => {
    expect(fold(riskDecider, [])).toEqual({ status: 'UNKNOWN' });
  });

  it('knows an identified risk that is not yet assessed', () => {
    expect(fold(riskDecider, [riskIdentified()])).toEqual({
      status: 'OPEN',
      riskId,
      assessments: {},
      mitigations: {},
      acceptance: null,
      acceptanceIds: [],
      reassessmentYears: [],
    });
  });

  it('keeps the latest assessment of each basis and each mitigation status', () => {
    const history = [
      riskIdentified(),
      riskAssessed(),
      mitigationPlanned(),
      mitigationPlanned({ mitigationId: 'm-2' }),
      mitigationApplied(),
      riskAssessed({ likelihood: 1, consequence: 4, score: 4, level: 'MEDIUM' }),
      riskAssessed({ basis: 'TARGET', likelihood: 1, consequence: 1, score: 1, level: 'LOW' }),
      riskClosed,
    ];
    expect(fold(riskDecider, history)).toMatchObject({
      status: 'CLOSED',
      assessments: {
        CURRENT: { likelihood: 1, consequence: 4, score: 4, level: 'MEDIUM', matrixVersion: 1 },
        TARGET: { score: 1, level: 'LOW' },
      },
      mitigations: { 'm-1': 'APPLIED', 'm-2': 'PLANNED' },
    });
  });

  it('ignores events that come before the risk is identified', () => {
    expect(fold(riskDecider, [riskAssessed(), mitigationPlanned()])).toEqual({ status: 'UNKNOWN' });
  });

  it('never changes an earlier state (replays are pure)', () => {
    const planned = fold(riskDecider, [riskIdentified(), mitigationPlanned()]);
    const copy = structuredClone(planned);
    riskDecider.evolve(planned, mitigationApplied());
    riskDecider.evolve(planned, riskClosed);
    expect(planned).toEqual(copy);
  });

  it('replays what the decider recorded into the state the next command needs', () => {
    const recorded = [
      ...riskDecider.decide(identifyRisk({ likelihood: 2, consequence: 2 }), fold(riskDecider, [])),
    ];
    recorded.push(...riskDecider.decide(planMitigation(), fold(riskDecider, recorded)));
    recorded.push(...riskDecider.decide(applyMitigation(), fold(riskDecider, recorded)));
    expect(recorded.map((e) => e.type)).toEqual([
      'RiskIdentified',
      'RiskAssessed',
      'MitigationPlanned',
      'MitigationApplied',
    ]);
    expect(fold(riskDecider, recorded)).toMatchObject({
      status: 'OPEN',
      mitigations: { 'm-1': 'APPLIED' },
    });
  });
});
