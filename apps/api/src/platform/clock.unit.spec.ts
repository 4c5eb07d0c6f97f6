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
