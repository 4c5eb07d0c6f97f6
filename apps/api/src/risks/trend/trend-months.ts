import { calendarDayInSweden } from '../../platform/clock';

export interface TrendMonth {
  /** YYYY-MM, the month in Sweden. */
  month: string;
  /** The moment the month is read at: its last instant in Sweden, or now for the month running. */
  end: Date;
}

/**
 * The last `count` months in Sweden, oldest first, ending with the one `now` falls in. A month
 * ends at midnight in Sweden (UTC+1, or UTC+2 in summer), not in UTC.
 */
export function trendMonths(now: Date, count: number): TrendMonth[] {
  const [year, month] = calendarDayInSweden(now).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
    const end = i === count - 1 ? now : new Date(startOfMonthInSweden(y, m + 1).getTime() - 1);
    return { month: `${y}-${String(m).padStart(2, '0')}`, end };
  });
}

/** Midnight in Sweden on the first of the month (month 13 is January of the next year). */
export function startOfMonthInSweden(year: number, month: number): Date {
  const utcMidnight = Date.UTC(year, month - 1, 1);
  const first = new Date(utcMidnight).toISOString().slice(0, 10);
  // Midnight in Sweden is 23:00 or 22:00 UTC the day before; the one whose previous instant is
  // another day there is it.
  for (const hours of [1, 2]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (
      calendarDayInSweden(candidate) === first &&
      calendarDayInSweden(new Date(candidate.getTime() - 1)) !== first
    ) {
      return candidate;
    }
  }
  throw new Error(`no midnight in Sweden on ${first}`);
}
