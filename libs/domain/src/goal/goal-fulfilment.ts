import type { GoalDirection } from './goal.events';

export const GOAL_FULFILMENTS = ['MET', 'PARTLY_MET', 'NOT_MET', 'NOT_MEASURED'] as const;
/** How a goal stands, as the annual security report states it (uppfyllt / delvis / ej uppfyllt). */
export type GoalFulfilment = (typeof GOAL_FULFILMENTS)[number];

export interface GoalTarget {
  readonly direction: GoalDirection;
  readonly targetValue: number;
  readonly partlyMetFrom: number | null;
}

export interface GoalMeasurement {
  readonly value: number;
  /** ISO calendar date (YYYY-MM-DD). */
  readonly measuredOn: string;
}

/**
 * The measurement that describes the latest day. A value recorded late for an earlier day does
 * not replace a newer one; of two for the same day, the one recorded last (later in the list)
 * counts, as a correction.
 */
export function latestMeasurement<M extends GoalMeasurement>(measurements: readonly M[]): M | null {
  let latest: M | null = null;
  for (const measurement of measurements) {
    if (latest === null || measurement.measuredOn >= latest.measuredOn) latest = measurement;
  }
  return latest;
}

/** Where one indicator value leaves the goal. Reaching the target exactly meets it. */
export function fulfilmentOfValue(target: GoalTarget, value: number): GoalFulfilment {
  const reaches = (bound: number) =>
    target.direction === 'AT_LEAST' ? value >= bound : value <= bound;
  if (reaches(target.targetValue)) return 'MET';
  if (target.partlyMetFrom !== null && reaches(target.partlyMetFrom)) return 'PARTLY_MET';
  return 'NOT_MET';
}

/** The goal's fulfilment from its latest measurement; NOT_MEASURED before the first one. */
export function goalFulfilment(
  target: GoalTarget,
  measurements: readonly GoalMeasurement[],
): GoalFulfilment {
  const latest = latestMeasurement(measurements);
  return latest === null ? 'NOT_MEASURED' : fulfilmentOfValue(target, latest.value);
}
