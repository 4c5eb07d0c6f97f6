import { requireCalendarDate } from '../shared/calendar-date';
import type { Decider } from '../shared/decider';
import { InvalidValueError, NotFoundError, RuleViolatedError } from '../shared/errors';
import { optionalText, requireText } from '../shared/text';
import {
  goalYearIsClosed,
  measurementWindow,
  requireFiniteNumber,
  requireGoalYear,
} from './goal-year';
import type {
  GoalCommand,
  MeasureIndicator,
  ReviseSecurityGoal,
  SetSecurityGoal,
  WithdrawSecurityGoal,
} from './goal.commands';
import { GOAL_DIRECTIONS, type GoalDirection, type GoalEvent } from './goal.events';

export type GoalState =
  | { status: 'UNKNOWN' }
  | {
      status: 'SET' | 'WITHDRAWN';
      goalId: string;
      year: number;
      direction: GoalDirection;
      targetValue: number;
      partlyMetFrom: number | null;
      measurementIds: readonly string[];
    };

type KnownGoal = Exclude<GoalState, { status: 'UNKNOWN' }>;

export const goalDecider: Decider<GoalState, GoalCommand, GoalEvent> = {
  initialState: () => ({ status: 'UNKNOWN' }),

  decide(command, state) {
    switch (command.type) {
      case 'SetSecurityGoal':
        return setGoal(command, state);
      case 'MeasureIndicator':
        return measure(command, state);
      case 'ReviseSecurityGoal':
        return revise(command, state);
      case 'WithdrawSecurityGoal':
        return withdraw(command, state);
    }
  },

  evolve(state, event) {
    if (event.type === 'SecurityGoalSet') {
      const { goalId, year, direction, targetValue, partlyMetFrom } = event.data;
      return {
        status: 'SET',
        goalId,
        year,
        direction,
        targetValue,
        partlyMetFrom,
        measurementIds: [],
      };
    }
    if (state.status === 'UNKNOWN') return state;
    switch (event.type) {
      case 'IndicatorMeasured':
        return { ...state, measurementIds: [...state.measurementIds, event.data.measurementId] };
      case 'SecurityGoalRevised':
        return {
          ...state,
          targetValue: event.data.targetValue,
          partlyMetFrom: event.data.partlyMetFrom,
        };
      case 'SecurityGoalWithdrawn':
        return { ...state, status: 'WITHDRAWN' };
    }
  },
};

function setGoal(command: SetSecurityGoal, state: GoalState): GoalEvent[] {
  if (state.status !== 'UNKNOWN') {
    throw new RuleViolatedError('goal-already-set', `goal ${command.goalId} is already set`);
  }
  if (!command.activeAreas.includes(command.area)) {
    throw new InvalidValueError(
      'area',
      `must be one of the security areas in use: ${command.activeAreas.join(', ')}`,
    );
  }
  if (!(GOAL_DIRECTIONS as readonly string[]).includes(command.direction)) {
    throw new InvalidValueError('direction', `must be one of ${GOAL_DIRECTIONS.join(', ')}`);
  }
  const direction = command.direction as GoalDirection;
  const targetValue = requireFiniteNumber('targetValue', command.targetValue);
  return [
    {
      type: 'SecurityGoalSet',
      data: {
        goalId: command.goalId,
        area: command.area,
        year: requireGoalYear(command.year, command.today),
        text: requireText('text', command.text, 2000),
        indicator: requireText('indicator', command.indicator, 500),
        targetValue,
        measurementUnit: requireText('measurementUnit', command.measurementUnit, 50),
        direction,
        partlyMetFrom: partlyMetFrom(direction, targetValue, command.partlyMetFrom),
      },
    },
  ];
}

function measure(command: MeasureIndicator, state: GoalState): GoalEvent[] {
  const goal = requireActive(command.goalId, state, 'measured');
  if (goal.measurementIds.includes(command.measurementId)) {
    throw new RuleViolatedError(
      'measurement-already-recorded',
      `measurement ${command.measurementId} is already recorded on goal ${command.goalId}`,
    );
  }
  const value = requireFiniteNumber('value', command.value);
  const measuredOn = requireCalendarDate('measuredOn', command.measuredOn);
  const window = measurementWindow(goal.year);
  if (measuredOn < window.from || measuredOn > window.to) {
    throw new InvalidValueError(
      'measuredOn',
      `must lie in the goal's year ${goal.year} or the first quarter after it, for year-end ` +
        `figures (${window.from} to ${window.to})`,
    );
  }
  if (measuredOn > command.today) {
    throw new InvalidValueError('measuredOn', `must not be after today (${command.today})`);
  }
  return [
    {
      type: 'IndicatorMeasured',
      data: {
        goalId: command.goalId,
        measurementId: command.measurementId,
        value,
        measuredOn,
        note: optionalText('note', command.note, 2000),
      },
    },
  ];
}

function revise(command: ReviseSecurityGoal, state: GoalState): GoalEvent[] {
  const goal = requireActive(command.goalId, state, 'revised');
  if (goalYearIsClosed(goal.year, command.today)) {
    // Moving a target after the year is reported on would rewrite the report's verdict.
    throw new RuleViolatedError(
      'goal-year-closed',
      `goal ${command.goalId} cannot be revised: its year ${goal.year} was closed on ` +
        `${measurementWindow(goal.year).to}, when its fulfilment was reported`,
    );
  }
  const reason = requireText('reason', command.reason, 2000);
  const targetValue = requireFiniteNumber('targetValue', command.targetValue);
  const threshold = partlyMetFrom(goal.direction, targetValue, command.partlyMetFrom);
  if (targetValue === goal.targetValue && threshold === goal.partlyMetFrom) {
    throw new RuleViolatedError(
      'goal-revision-changes-nothing',
      `goal ${command.goalId} already has target ${targetValue} and partly-met threshold ` +
        `${threshold ?? 'none'}`,
    );
  }
  return [
    {
      type: 'SecurityGoalRevised',
      data: { goalId: command.goalId, targetValue, partlyMetFrom: threshold, reason },
    },
  ];
}

function withdraw(command: WithdrawSecurityGoal, state: GoalState): GoalEvent[] {
  requireActive(command.goalId, state, 'withdrawn');
  return [
    {
      type: 'SecurityGoalWithdrawn',
      data: { goalId: command.goalId, reason: requireText('reason', command.reason, 2000) },
    },
  ];
}

function requireActive(goalId: string, state: GoalState, action: string): KnownGoal {
  if (state.status === 'UNKNOWN') throw new NotFoundError('goal', goalId);
  if (state.status === 'WITHDRAWN') {
    throw new RuleViolatedError(
      'goal-withdrawn',
      `goal ${goalId} was withdrawn and can no longer be ${action}`,
    );
  }
  return state;
}

/** The partly-met threshold lies short of the target, on the side the indicator moves from. */
function partlyMetFrom(
  direction: GoalDirection,
  targetValue: number,
  value: number | null | undefined,
): number | null {
  if (value === undefined || value === null) return null;
  const threshold = requireFiniteNumber('partlyMetFrom', value);
  const shortOfTarget =
    direction === 'AT_LEAST' ? threshold < targetValue : threshold > targetValue;
  if (!shortOfTarget) {
    throw new InvalidValueError(
      'partlyMetFrom',
      `must be ${direction === 'AT_LEAST' ? 'below' : 'above'} the target ${targetValue} ` +
        `for a goal of direction ${direction}`,
    );
  }
  return threshold;
}
