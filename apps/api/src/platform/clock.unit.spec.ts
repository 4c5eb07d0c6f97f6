import { calendarDayInSweden } from './clock';

describe('calendarDayInSweden', () => {
  it.each([
    ['2026-12-05T22:59:59Z', '2026-12-05'], // 23:59:59 in winter (UTC+1)
    ['2026-12-05T23:00:00Z', '2026-12-06'],
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 in summer (UTC+2)
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-03-29T01:00:00Z', '2026-03-29'], // the hour clocks go forward
  ])('%s is %s in Sweden', (moment, day) => {
    expect(calendarDayInSweden(new Date(moment))).toBe(day);
  });
});

describe('calendarDayInSweden, asked again and again (it keeps the last minute)', () => {
  it('turns at midnight in Sweden, even when asked within the same minute before', () => {
    const days = [
      '2026-12-05T22:59:00.000Z',
      '2026-12-05T22:59:59.999Z',
      '2026-12-05T23:00:00.000Z',
      '2026-12-05T22:59:30.000Z', // the clock moved back
      '2026-06-30T21:59:59.999Z',
      '2026-06-30T22:00:00.000Z',
    ].map((moment) => calendarDayInSweden(new Date(moment)));
    expect(days).toEqual([
      '2026-12-05',
      '2026-12-05',
      '2026-12-06',
      '2026-12-05',
      '2026-06-30',
      '2026-07-01',
    ]);
  });

  it('still refuses a moment that is no date', () => {
    expect(() => calendarDayInSweden(new Date('not a date'))).toThrow(RangeError);
  });
});
