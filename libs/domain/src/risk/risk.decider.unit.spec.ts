import { SECURITY_AREA_CODES } from '../areas/security-areas';
import { fold } from '../shared/decider';
import { DeciderSpecification } from '../shared/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import type { ApplyMitigation, AssessRisk, IdentifyRisk, PlanMitigation } from './risk.commands';
import { riskDecider } from './risk.decider';
import type {
  MitigationApplied,
  MitigationPlanned,
  RiskAssessed,
  RiskIdentified,
} from './risk.events';

const spec = DeciderSpecification.for(riskDecider);
const riskId = 'risk-1';

// Commands and events as a ward would send and record them; each test changes only what it is about.
const identifyRisk = (change: Partial<IdentifyRisk> = {}): IdentifyRisk => ({
  type: 'IdentifyRisk',
  riskId,
  title: 'Medicine room left unlocked',
  description: 'Because the door does not close by itself, drugs can be taken.',
  area: 'PHARMACEUTICALS',
  unit: 'Ward 12',
  ...change,
});
const riskIdentified = (change: Partial<RiskIdentified['data']> = {}): RiskIdentified => ({
  type: 'RiskIdentified',
  data: {
    riskId,
    title: 'Medicine room left unlocked',
    description: 'Because the door does not close by itself, drugs can be taken.',
    area: 'PHARMACEUTICALS',
    unit: 'Ward 12',
    owner: null,
    ...change,
  },
});
const assessRisk = (likelihood: number, consequence: number): AssessRisk => ({
  type: 'AssessRisk',
  riskId,
  likelihood,
  consequence,
});
const riskAssessed = (change: Partial<RiskAssessed['data']> = {}): RiskAssessed => ({
  type: 'RiskAssessed',
  data: {
    riskId,
    likelihood: 3,
    consequence: 4,
    score: 12,
    level: 'HIGH',
    matrixVersion: 1,
    ...change,
  },
});
const planMitigation = (change: Partial<PlanMitigation> = {}): PlanMitigation => ({
  type: 'PlanMitigation',
  riskId,
  mitigationId: 'm-1',
  title: 'Fit a door closer',
  kind: 'LIMIT',
  ...change,
});
const mitigationPlanned = (change: Partial<MitigationPlanned['data']> = {}): MitigationPlanned => ({
  type: 'MitigationPlanned',
  data: {
    riskId,
    mitigationId: 'm-1',
    title: 'Fit a door closer',
    kind: 'LIMIT',
    owner: null,
    dueDate: null,
    ...change,
  },
});
const applyMitigation = (change: Partial<ApplyMitigation> = {}): ApplyMitigation => ({
  type: 'ApplyMitigation',
  riskId,
  mitigationId: 'm-1',
  ...change,
});
const mitigationApplied = (change: Partial<MitigationApplied['data']> = {}): MitigationApplied => ({
  type: 'MitigationApplied',
  data: { riskId, mitigationId: 'm-1', note: null, ...change },
});

const tooLong = (max: number) => 'x'.repeat(max + 1);

describe('IdentifyRisk', () => {
  it('records the risk, without an assessment when none is given', () => {
    spec.given([]).when(identifyRisk()).then([riskIdentified()]);
  });

  it('records the initial assessment after the risk when both scores are given', () => {
    spec
      .given([])
      .when(identifyRisk({ likelihood: 4, consequence: 5 }))
      .then([
        riskIdentified(),
        riskAssessed({ likelihood: 4, consequence: 5, score: 20, level: 'VERY_HIGH' }),
      ]);
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

  it.each(SECURITY_AREA_CODES)('accepts the security area %s', (area) => {
    spec
      .given([])
      .when(identifyRisk({ area }))
      .then([riskIdentified({ area })]);
  });

  it.each(['PHYSICAL_SECURITY', 'it_security', '', 'IT SECURITY'])(
    'refuses the unknown area %p, naming area',
    (area) => {
      spec.given([]).when(identifyRisk({ area })).thenThrows(InvalidValueError, { field: 'area' });
    },
  );

  it.each(['title', 'description', 'unit'] as const)('refuses a blank %s, naming it', (field) => {
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
  ] as const)('refuses a %s longer than %i characters, naming it', (field, max) => {
    spec
      .given([])
      .when(identifyRisk({ [field]: tooLong(max) }))
      .thenThrows(InvalidValueError, {
        field,
        message: `${field}: must be at most ${max} characters`,
      });
  });

  it('accepts a title of exactly 200 characters', () => {
    const title = 'x'.repeat(200);
    spec
      .given([])
      .when(identifyRisk({ title }))
      .then([riskIdentified({ title })]);
  });

  it('refuses a risk that is already identified', () => {
    spec
      .given([riskIdentified()])
      .when(identifyRisk())
      .thenThrows(RuleViolatedError, { rule: 'risk-already-identified' });
  });
});

describe('AssessRisk', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(assessRisk(3, 4)).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('records the score, level and matrix version', () => {
    spec.given([riskIdentified()]).when(assessRisk(3, 4)).then([riskAssessed()]);
  });

  it('records a reassessment as a new event', () => {
    spec
      .given([riskIdentified(), riskAssessed()])
      .when(assessRisk(1, 2))
      .then([riskAssessed({ likelihood: 1, consequence: 2, score: 2, level: 'LOW' })]);
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
});

describe('PlanMitigation', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(planMitigation()).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('records the mitigation with owner and due date', () => {
    spec
      .given([riskIdentified()])
      .when(
        planMitigation({
          title: ' Fit a door closer ',
          owner: ' Property services ',
          dueDate: '2025-03-31',
        }),
      )
      .then([mitigationPlanned({ owner: 'Property services', dueDate: '2025-03-31' })]);
  });

  it('records a left-out owner and due date as null', () => {
    spec
      .given([riskIdentified()])
      .when(planMitigation({ owner: '  ', dueDate: null }))
      .then([mitigationPlanned()]);
  });

  it.each(['ELIMINATE', 'LIMIT', 'MONITOR'] as const)('accepts the kind %s', (kind) => {
    spec
      .given([riskIdentified()])
      .when(planMitigation({ kind }))
      .then([mitigationPlanned({ kind })]);
  });

  it.each(['REDUCE', 'ACCEPT', 'limit', ''])('refuses the kind %p, naming kind', (kind) => {
    spec
      .given([riskIdentified()])
      .when(planMitigation({ kind }))
      .thenThrows(InvalidValueError, { field: 'kind' });
  });

  it.each(['2025-02-30', '2025-1-1', '2025-13-01', '31/03/2025', ''])(
    'refuses the due date %p, naming dueDate',
    (dueDate) => {
      spec
        .given([riskIdentified()])
        .when(planMitigation({ dueDate }))
        .thenThrows(InvalidValueError, { field: 'dueDate' });
    },
  );

  it('refuses a blank title', () => {
    spec
      .given([riskIdentified()])
      .when(planMitigation({ title: ' ' }))
      .thenThrows(InvalidValueError, { field: 'title' });
  });

  it('refuses an owner longer than 200 characters', () => {
    spec
      .given([riskIdentified()])
      .when(planMitigation({ owner: tooLong(200) }))
      .thenThrows(InvalidValueError, { field: 'owner' });
  });

  it('refuses a mitigation id already planned on the risk', () => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(planMitigation({ title: 'Another measure' }))
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-planned' });
  });

  it('refuses a mitigation id already applied on the risk', () => {
    spec
      .given([riskIdentified(), mitigationPlanned(), mitigationApplied()])
      .when(planMitigation())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-planned' });
  });

  it('accepts a second mitigation with another id', () => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(planMitigation({ mitigationId: 'm-2' }))
      .then([mitigationPlanned({ mitigationId: 'm-2' })]);
  });
});

describe('ApplyMitigation', () => {
  it('refuses an unknown risk', () => {
    spec.given([]).when(applyMitigation()).thenThrows(NotFoundError, { what: 'risk', id: riskId });
  });

  it('refuses a mitigation that was never planned', () => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(applyMitigation({ mitigationId: 'm-9' }))
      .thenThrows(NotFoundError, { what: 'mitigation', id: 'm-9' });
  });

  it('records the application with the note trimmed', () => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(applyMitigation({ note: '  Closer fitted, tested by the ward manager.\n' }))
      .then([mitigationApplied({ note: 'Closer fitted, tested by the ward manager.' })]);
  });

  it.each([undefined, null, '   '])('records a left-out or blank note (%p) as null', (note) => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(applyMitigation({ note }))
      .then([mitigationApplied({ note: null })]);
  });

  it('refuses a note longer than 2000 characters', () => {
    spec
      .given([riskIdentified(), mitigationPlanned()])
      .when(applyMitigation({ note: tooLong(2000) }))
      .thenThrows(InvalidValueError, { field: 'note' });
  });

  it('refuses a mitigation that is already applied', () => {
    spec
      .given([riskIdentified(), mitigationPlanned(), mitigationApplied()])
      .when(applyMitigation())
      .thenThrows(RuleViolatedError, { rule: 'mitigation-already-applied' });
  });

  it('applies one mitigation without touching another', () => {
    spec
      .given([
        riskIdentified(),
        mitigationPlanned(),
        mitigationPlanned({ mitigationId: 'm-2' }),
        mitigationApplied(),
      ])
      .when(applyMitigation({ mitigationId: 'm-2' }))
      .then([mitigationApplied({ mitigationId: 'm-2' })]);
  });
});

describe('evolve (replaying a risk stream)', () => {
  it('starts from an unknown risk', () => {
    expect(fold(riskDecider, [])).toEqual({ status: 'UNKNOWN' });
  });

  it('knows an identified risk that is not yet assessed', () => {
    expect(fold(riskDecider, [riskIdentified()])).toEqual({
      status: 'IDENTIFIED',
      riskId,
      assessed: false,
      mitigations: {},
    });
  });

  it('rebuilds assessment and each mitigation status from the whole history', () => {
    const history = [
      riskIdentified(),
      riskAssessed(),
      mitigationPlanned(),
      mitigationPlanned({ mitigationId: 'm-2' }),
      mitigationApplied(),
      riskAssessed({ likelihood: 1, consequence: 4, score: 4, level: 'MEDIUM' }),
    ];
    expect(fold(riskDecider, history)).toEqual({
      status: 'IDENTIFIED',
      riskId,
      assessed: true,
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
    expect(fold(riskDecider, recorded)).toEqual({
      status: 'IDENTIFIED',
      riskId,
      assessed: true,
      mitigations: { 'm-1': 'APPLIED' },
    });
  });
});
