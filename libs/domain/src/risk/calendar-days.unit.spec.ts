import { addDays } from './calendar-days';

describe('addDays', () => {
  it('counts calendar days, across months, years and leap days, asked again or not', () => {
    expect(
      [
        ['2026-12-06', 365],
        ['2026-12-06', 365],
        ['2026-12-06', 30],
        ['2028-02-28', 1],
        ['2028-02-28', 1],
        ['2026-03-01', -1],
        ['2026-12-07', 365],
      ].map(([date, days]) => addDays(date as string, days as number)),
    ).toEqual([
      '2027-12-06',
      '2027-12-06',
      '2027-01-05',
      '2028-02-29',
      '2028-02-29',
      '2026-02-28',
      '2027-12-07',
    ]);
  });

  it('refuses a date that is none, every time', () => {
    expect(() => addDays('2026-02-30x', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30x', 1)).toThrow(RangeError);
  });
});
