import { startOfMonthInSweden, trendMonths } from './trend-months';

describe('the months of the trend', () => {
  it('starts a month at midnight in Sweden, winter and summer time', () => {
    expect(startOfMonthInSweden(2026, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(startOfMonthInSweden(2026, 7).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfMonthInSweden(2026, 13).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('gives the last months oldest first, each read at its last instant, the running one now', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    expect(trendMonths(now, 3)).toEqual([
      { month: '2025-11', end: new Date('2025-11-30T22:59:59.999Z') },
      { month: '2025-12', end: new Date('2025-12-31T22:59:59.999Z') },
      { month: '2026-01', end: now },
    ]);
  });

  it('takes the month as it is in Sweden, also in the hour after midnight there', () => {
    const now = new Date('2026-03-31T22:30:00Z'); // 00:30 on 1 April in Sweden
    expect(trendMonths(now, 2).map((m) => m.month)).toEqual(['2026-03', '2026-04']);
    expect(trendMonths(now, 2)[0].end.toISOString()).toBe('2026-03-31T21:59:59.999Z');
  });

  it('goes back across years', () => {
    const months = trendMonths(new Date('2026-12-05T08:00:00Z'), 24);
    expect(months).toHaveLength(24);
    expect(months[0].month).toBe('2025-01');
    expect(months[23].month).toBe('2026-12');
  });
});
