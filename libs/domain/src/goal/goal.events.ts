import type { TypedEvent } from '../shared/decider';

/**
 * Which way an indicator should move: AT_LEAST for e.g. "share of staff trained in fire safety",
 * AT_MOST for e.g. "number of serious near misses".
 */
export const GOAL_DIRECTIONS = ['AT_LEAST', 'AT_MOST'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/**
 * A measurable goal of one security area for one year, with the indicator that follows it up: the
 * policies ask every area to report its goals and their fulfilment in the annual security report.
 */
export type SecurityGoalSet = TypedEvent<
  'SecurityGoalSet',
  {
    goalId: string;
    /** Security area code (reference data; a region may add its own areas). */
    area: string;
    year: number;
    text: string;
    indicator: string;
    targetValue: number;
    /** What the indicator counts in, e.g. "%", "incidents", "exercises". */
    measurementUnit: string;
    direction: GoalDirection;
    /** From this value on (towards the target) the goal counts as partly met; null: met or not. */
    partlyMetFrom: number | null;
  }
>;

export type IndicatorMeasured = TypedEvent<
  'IndicatorMeasured',
  {
    goalId: string;
    measurementId: string;
    value: number;
    /** ISO calendar date the value describes (YYYY-MM-DD). */
    measuredOn: string;
    note: string | null;
  }
>;

export type SecurityGoalRevised = TypedEvent<
  'SecurityGoalRevised',
  {
    goalId: string;
    targetValue: number;
    partlyMetFrom: number | null;
    /** Why the target changed; a moved target must be explainable in the annual report. */
    reason: string;
  }
>;

export type SecurityGoalWithdrawn = TypedEvent<
  'SecurityGoalWithdrawn',
  { goalId: string; reason: string }
>;

export type GoalEvent =
  SecurityGoalSet | IndicatorMeasured | SecurityGoalRevised | SecurityGoalWithdrawn;
