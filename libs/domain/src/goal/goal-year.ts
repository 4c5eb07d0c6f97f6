import { InvalidValueError } from '../shared/errors';

/** The earliest year goals are recorded for: older annual reports are not brought in. */
export const FIRST_GOAL_YEAR = 2000;

/** Regional plans set goals for up to three years ahead; further is not a plan but a wish. */
export const GOAL_YEARS_AHEAD = 3;

/**
 * The days a measurement of a year's goal may describe: the year itself and the first quarter
 * after it, since year-end figures (e.g. the count of incidents in the whole year) are only
 * known in the weeks after the year ends, when the annual security report is written.
 */
export function measurementWindow(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year + 1}-03-31` };
}

/** After the measurement window the year is reported on: its goals no longer change. */
export function goalYearIsClosed(year: number, today: string): boolean {
  return today > measurementWindow(year).to;
}

export function requireGoalYear(year: number, today: string): number {
  const latest = Number(today.slice(0, 4)) + GOAL_YEARS_AHEAD;
  if (!Number.isInteger(year) || year < FIRST_GOAL_YEAR || year > latest) {
    throw new InvalidValueError(
      'year',
      `must be a whole year from ${FIRST_GOAL_YEAR} to ${latest} (at most ${GOAL_YEARS_AHEAD} years ahead)`,
    );
  }
  return year;
}

/** An indicator value or a target: a real number, never NaN or infinite. */
export function requireFiniteNumber(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidValueError(field, 'must be a finite number');
  }
  return value;
}
