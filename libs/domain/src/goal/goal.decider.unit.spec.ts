import { SECURITY_AREA_CODES } from '../areas/security-areas';
import { fold } from '../shared/decider';
import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import type {
  MeasureIndicator,
  ReviseSecurityGoal,
  SetSecurityGoal,
  WithdrawSecurityGoal,
} from './goal.commands';
import { goalDecider } from './goal.decider';
import type {
  IndicatorMeasured,
  SecurityGoalRevised,
  SecurityGoalSet,
  SecurityGoalWithdrawn,
} from './goal.events';

const spec = DeciderSpecification.for(goalDecider);
/** The refusal names the field and says why in words matching `pattern`. */
const naming = (field: string, pattern: RegExp) => (error: InvalidValueError) =>
  error.field === field && pattern.test(error.message);
const breaking = (rule: string, pattern: RegExp) => (error: RuleViolatedError) =>
  error.rule === rule && pattern.test(error.message);
const goalId = 'goal-1';
const today = '2025-06-15';
// A region's own area next to the 14 seeded ones.
const activeAreas = [...SECURITY_AREA_CODES, 'PHYSICAL_SECURITY'];

// "At least 90 % of staff have done the fire safety course in 2025; 75 % counts as partly met."
const setGoal = (change: Partial<SetSecurityGoal> = {}): SetSecurityGoal => ({
  type: 'SetSecurityGoal',
  goalId,
  area: 'FIRE_SAFETY',
  year: 2025,
  text: 'All staff know how to act when the fire alarm sounds',
  indicator: 'Share of staff who completed the fire safety course',
  targetValue: 90,
  measurementUnit: '%',
  direction: 'AT_LEAST',
  partlyMetFrom: 75,
  activeAreas,
  today,
  ...change,
});
const goalSet = (change: Partial<SecurityGoalSet['data']> = {}): SecurityGoalSet => ({
  type: 'SecurityGoalSet',
  data: {
    goalId,
    area: 'FIRE_SAFETY',
    year: 2025,
    text: 'All staff know how to act when the fire alarm sounds',
    indicator: 'Share of staff who completed the fire safety course',
    targetValue: 90,
    measurementUnit: '%',
    direction: 'AT_LEAST',
    partlyMetFrom: 75,
    ...change,
  },
});
const measure = (change: Partial<MeasureIndicator> = {}): MeasureIndicator => ({
  type: 'MeasureIndicator',
  goalId,
  measurementId: 'm-1',
  value: 62.5,
  measuredOn: '2025-06-01',
  note: 'From the learning platform',
  today,
  ...change,
});
const measured = (change: Partial<IndicatorMeasured['data']> = {}): IndicatorMeasured => ({
  type: 'IndicatorMeasured',
  data: {
    goalId,
    measurementId: 'm-1',
    value: 62.5,
    measuredOn: '2025-06-01',
    note: 'From the learning platform',
    ...change,
  },
});
const revise = (change: Partial<ReviseSecurityGoal> = {}): ReviseSecurityGoal => ({
  type: 'ReviseSecurityGoal',
  goalId,
  targetValue: 80,
  partlyMetFrom: 60,
  reason: 'Half the staff changed over after the reorganisation',
  today,
  ...change,
});
const revised = (change: Partial<SecurityGoalRevised['data']> = {}): SecurityGoalRevised => ({
  type: 'SecurityGoalRevised',
  data: {
    goalId,
    targetValue: 80,
    partlyMetFrom: 60,
    reason: 'Half the staff changed over after the reorganisation',
    ...change,
  },
});
const withdraw = (reason = 'The course is replaced by practical drills'): WithdrawSecurityGoal => ({
  type: 'WithdrawSecurityGoal',
  goalId,
  reason,
});
const withdrawn = (): SecurityGoalWithdrawn => ({
  type: 'SecurityGoalWithdrawn',
  data: { goalId, reason: 'The course is replaced by practical drills' },
});

describe('SetSecurityGoal', () => {
  it('records the goal with its indicator, target and partly-met threshold', () => {
    spec.given([]).when(setGoal()).then([goalSet()]);
  });

  it('records an AT_MOST goal, e.g. at most 2 serious near misses, without a threshold', () => {
    spec
      .given([])
      .when(
        setGoal({
          area: 'PHARMACEUTICALS',
          text: 'Fewer serious near misses with medicines',
          indicator: 'Serious near misses reported',
          targetValue: 2,
          measurementUnit: 'near misses',
          direction: 'AT_MOST',
          partlyMetFrom: undefined,
        }),
      )
      .then([
        goalSet({
          area: 'PHARMACEUTICALS',
          text: 'Fewer serious near misses with medicines',
          indicator: 'Serious near misses reported',
          targetValue: 2,
          measurementUnit: 'near misses',
          direction: 'AT_MOST',
          partlyMetFrom: null,
        }),
      ]);
  });

  it('accepts an area the region added itself', () => {
    spec
      .given([])
      .when(setGoal({ area: 'PHYSICAL_SECURITY' }))
      .then([goalSet({ area: 'PHYSICAL_SECURITY' })]);
  });

  it('trims the texts', () => {
    spec
      .given([])
      .when(
        setGoal({
          text: '  All staff know how to act when the fire alarm sounds\n',
          measurementUnit: ' % ',
        }),
      )
      .then([goalSet()]);
  });

  it.each([2000, 2025, 2028])('accepts the year %i (from 2000 to three years ahead)', (year) => {
    spec
      .given([])
      .when(setGoal({ year }))
      .then([goalSet({ year })]);
  });

  it.each([1999, 2029, 2025.5, NaN])('refuses the year %p, naming year', (year) => {
    spec
      .given([])
      .when(setGoal({ year }))
      .thenThrows(InvalidValueError, naming('year', /from 2000 to 2028/));
  });

  it('refuses an area that is not in use (unknown or retired), naming area', () => {
    spec
      .given([])
      .when(setGoal({ area: 'WEATHER' }))
      .thenThrows(InvalidValueError, { field: 'area' });
    spec
      .given([])
      .when(setGoal({ area: 'FIRE_SAFETY', activeAreas: ['PATIENT_SAFETY'] }))
      .thenThrows(InvalidValueError, naming('area', /PATIENT_SAFETY/));
  });

  it('refuses a direction other than AT_LEAST or AT_MOST', () => {
    spec
      .given([])
      .when(setGoal({ direction: 'ABOUT' }))
      .thenThrows(InvalidValueError, naming('direction', /AT_LEAST, AT_MOST/));
  });

  it.each([NaN, Infinity, -Infinity])('refuses the target value %p', (targetValue) => {
    spec.given([]).when(setGoal({ targetValue })).thenThrows(InvalidValueError, {
      field: 'targetValue',
      message: 'targetValue: must be a finite number',
    });
  });

  it.each([
    ['at the target of an AT_LEAST goal', 'AT_LEAST', 90, 'below'],
    ['above the target of an AT_LEAST goal', 'AT_LEAST', 95, 'below'],
    ['at the target of an AT_MOST goal', 'AT_MOST', 90, 'above'],
    ['below the target of an AT_MOST goal', 'AT_MOST', 80, 'above'],
  ])('refuses a partly-met threshold %s', (_case, direction, partlyMetFrom, side) => {
    spec
      .given([])
      .when(setGoal({ direction, partlyMetFrom }))
      .thenThrows(InvalidValueError, {
        field: 'partlyMetFrom',
        message: `partlyMetFrom: must be ${side} the target 90 for a goal of direction ${direction}`,
      });
  });

  it('refuses a threshold that is not a finite number', () => {
    spec
      .given([])
      .when(setGoal({ partlyMetFrom: NaN }))
      .thenThrows(InvalidValueError, { field: 'partlyMetFrom' });
  });

  it.each([
    ['text', 2000],
    ['indicator', 500],
    ['measurementUnit', 50],
  ] as const)('refuses a blank or too long %s, naming it', (field, max) => {
    spec
      .given([])
      .when(setGoal({ [field]: '  ' }))
      .thenThrows(InvalidValueError, { field, message: `${field}: must not be empty` });
    spec
      .given([])
      .when(setGoal({ [field]: 'x'.repeat(max + 1) }))
      .thenThrows(InvalidValueError, {
        field,
        message: `${field}: must be at most ${max} characters`,
      });
  });

  it('refuses a goal that is already set', () => {
    spec
      .given([goalSet()])
      .when(setGoal())
      .thenThrows(RuleViolatedError, { rule: 'goal-already-set' });
  });
});

describe('MeasureIndicator', () => {
  it('records the value, the day it describes and a note', () => {
    spec.given([goalSet()]).when(measure()).then([measured()]);
  });

  it('records a year-end figure measured in the first quarter after the year', () => {
    spec
      .given([goalSet()])
      .when(measure({ measuredOn: '2026-03-31', value: 91, note: null, today: '2026-04-02' }))
      .then([measured({ measuredOn: '2026-03-31', value: 91, note: null })]);
  });

  it('accepts the first day of the year and today', () => {
    spec
      .given([goalSet()])
      .when(measure({ measuredOn: '2025-01-01' }))
      .then([measured({ measuredOn: '2025-01-01' })]);
    spec
      .given([goalSet()])
      .when(measure({ measuredOn: today }))
      .then([measured({ measuredOn: today })]);
  });

  it.each([
    ['the year before', '2024-12-31'],
    ['after the first quarter of the next year', '2026-04-01'],
  ])('refuses a day %s, naming measuredOn', (_case, measuredOn) => {
    spec
      .given([goalSet()])
      .when(measure({ measuredOn, today: '2026-06-01' }))
      .thenThrows(
        InvalidValueError,
        naming('measuredOn', /year 2025 or the first quarter after it.*2025-01-01 to 2026-03-31/),
      );
  });

  it('refuses a day still to come', () => {
    spec
      .given([goalSet()])
      .when(measure({ measuredOn: '2025-06-16' }))
      .thenThrows(InvalidValueError, {
        field: 'measuredOn',
        message: 'measuredOn: must not be after today (2025-06-15)',
      });
  });

  it.each(['2025-02-30', '15/06/2025', ''])('refuses the date %p', (measuredOn) => {
    spec
      .given([goalSet()])
      .when(measure({ measuredOn }))
      .thenThrows(InvalidValueError, naming('measuredOn', /YYYY-MM-DD/));
  });

  it.each([NaN, Infinity, -Infinity])('refuses the value %p', (value) => {
    spec
      .given([goalSet()])
      .when(measure({ value }))
      .thenThrows(InvalidValueError, { field: 'value', message: 'value: must be a finite number' });
  });

  it('refuses a note over 2000 characters', () => {
    spec
      .given([goalSet()])
      .when(measure({ note: 'x'.repeat(2001) }))
      .thenThrows(InvalidValueError, { field: 'note' });
  });

  it('refuses a measurement id that is already recorded (a retried request)', () => {
    spec
      .given([goalSet(), measured()])
      .when(measure({ value: 70 }))
      .thenThrows(RuleViolatedError, {
        rule: 'measurement-already-recorded',
        message: 'measurement m-1 is already recorded on goal goal-1',
      });
  });

  it('records further measurements under new ids', () => {
    spec
      .given([goalSet(), measured()])
      .when(measure({ measurementId: 'm-2', value: 70, measuredOn: '2025-06-10' }))
      .then([measured({ measurementId: 'm-2', value: 70, measuredOn: '2025-06-10' })]);
  });

  it('refuses to measure a withdrawn goal', () => {
    spec.given([goalSet(), withdrawn()]).when(measure()).thenThrows(RuleViolatedError, {
      rule: 'goal-withdrawn',
      message: 'goal goal-1 was withdrawn and can no longer be measured',
    });
  });

  it('refuses an unknown goal', () => {
    spec.given([]).when(measure()).thenThrows(NotFoundError, { what: 'goal', id: goalId });
  });
});

describe('ReviseSecurityGoal', () => {
  it('records the new target and threshold with the reason', () => {
    spec.given([goalSet()]).when(revise()).then([revised()]);
  });

  it('may drop the partly-met threshold', () => {
    spec
      .given([goalSet()])
      .when(revise({ targetValue: 90, partlyMetFrom: null }))
      .then([revised({ targetValue: 90, partlyMetFrom: null })]);
  });

  it('checks the threshold against the revised target', () => {
    spec
      .given([goalSet()])
      .when(revise({ targetValue: 70, partlyMetFrom: 75 }))
      .thenThrows(InvalidValueError, naming('partlyMetFrom', /below the target 70/));
  });

  it('keeps the direction the goal was set with', () => {
    spec
      .given([goalSet({ direction: 'AT_MOST', targetValue: 2, partlyMetFrom: 4 })])
      .when(revise({ targetValue: 3, partlyMetFrom: 1 }))
      .thenThrows(InvalidValueError, naming('partlyMetFrom', /above the target 3/));
  });

  it.each(['', '   '])('refuses a revision without a reason (%p)', (reason) => {
    spec
      .given([goalSet()])
      .when(revise({ reason }))
      .thenThrows(InvalidValueError, { field: 'reason', message: 'reason: must not be empty' });
  });

  it('refuses a target that is not a finite number', () => {
    spec
      .given([goalSet()])
      .when(revise({ targetValue: Infinity }))
      .thenThrows(InvalidValueError, { field: 'targetValue' });
  });

  it('refuses a revision that changes nothing', () => {
    spec.given([goalSet(), revised()]).when(revise()).thenThrows(RuleViolatedError, {
      rule: 'goal-revision-changes-nothing',
      message: 'goal goal-1 already has target 80 and partly-met threshold 60',
    });
  });

  it('accepts a revision up to the last day of the measurement window', () => {
    spec
      .given([goalSet()])
      .when(revise({ today: '2026-03-31' }))
      .then([revised()]);
  });

  it('refuses a revision once the year is reported on (after the first quarter after it)', () => {
    spec
      .given([goalSet()])
      .when(revise({ today: '2026-04-01' }))
      .thenThrows(RuleViolatedError, breaking('goal-year-closed', /closed on 2026-03-31/));
  });

  it('refuses to revise a withdrawn goal', () => {
    spec
      .given([goalSet(), withdrawn()])
      .when(revise())
      .thenThrows(RuleViolatedError, { rule: 'goal-withdrawn' });
  });

  it('refuses an unknown goal', () => {
    spec.given([]).when(revise()).thenThrows(NotFoundError, { what: 'goal' });
  });
});

describe('WithdrawSecurityGoal', () => {
  it('records the withdrawal with its reason', () => {
    spec.given([goalSet(), measured()]).when(withdraw()).then([withdrawn()]);
  });

  it('refuses a withdrawal without a reason', () => {
    spec.given([goalSet()]).when(withdraw(' ')).thenThrows(InvalidValueError, { field: 'reason' });
  });

  it('refuses to withdraw a goal twice', () => {
    spec.given([goalSet(), withdrawn()]).when(withdraw()).thenThrows(RuleViolatedError, {
      rule: 'goal-withdrawn',
      message: 'goal goal-1 was withdrawn and can no longer be withdrawn',
    });
  });

  it('refuses an unknown goal', () => {
    spec.given([]).when(withdraw()).thenThrows(NotFoundError, { what: 'goal', id: goalId });
  });
});

describe('evolve (replaying a goal stream)', () => {
  it('starts from an unknown goal', () => {
    expect(fold(goalDecider, [])).toEqual({ status: 'UNKNOWN' });
  });

  it('keeps the current target, the measurement ids and whether it is withdrawn', () => {
    expect(
      fold(goalDecider, [goalSet(), measured(), revised(), measured({ measurementId: 'm-2' })]),
    ).toEqual({
      status: 'SET',
      goalId,
      year: 2025,
      direction: 'AT_LEAST',
      targetValue: 80,
      partlyMetFrom: 60,
      measurementIds: ['m-1', 'm-2'],
    });
    expect(fold(goalDecider, [goalSet(), withdrawn()])).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('ignores events of a goal it never saw set', () => {
    expect(fold(goalDecider, [measured(), withdrawn()])).toEqual({ status: 'UNKNOWN' });
  });
});
