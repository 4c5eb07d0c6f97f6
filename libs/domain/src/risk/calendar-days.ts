/** The last question and its answer: every new risk asks for the same day a year on. */
let last = { date: '', days: Number.NaN, after: '' };

/** The calendar date `days` days after `date` (both YYYY-MM-DD); days may be negative. */
export function addDays(date: string, days: number): string {
  if (date === last.date && days === last.days) return last.after;
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  const after = moment.toISOString().slice(0, 10);
  last = { date, days, after };
  return after;
}
