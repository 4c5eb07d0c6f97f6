import type {
  IndicatorMeasured,
  SecurityGoalRevised,
  SecurityGoalSet,
  SecurityGoalWithdrawn,
} from '@riskledger/domain';

/** Pure builders of goal events with realistic data, for tests. */

/** "At least 90 % of staff have done the fire safety course; 75 % counts as partly met." */
export const goalSet = (
  goalId: string,
  data: Partial<SecurityGoalSet['data']> = {},
): SecurityGoalSet => ({
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
    ...data,
  },
});

export const indicatorMeasured = (
  goalId: string,
  measurementId: string,
  value: number,
  measuredOn: string,
  note: string | null = null,
): IndicatorMeasured => ({
  type: 'IndicatorMeasured',
  data: { goalId, measurementId, value, measuredOn, note },
});

export const goalRevised = (
  goalId: string,
  targetValue: number,
  partlyMetFrom: number | null,
  reason = 'Half the staff changed over after the reorganisation',
): SecurityGoalRevised => ({
  type: 'SecurityGoalRevised',
  data: { goalId, targetValue, partlyMetFrom, reason },
});

export const goalWithdrawn = (
  goalId: string,
  reason = 'The course is replaced by practical drills',
): SecurityGoalWithdrawn => ({
  type: 'SecurityGoalWithdrawn',
  data: { goalId, reason },
});
