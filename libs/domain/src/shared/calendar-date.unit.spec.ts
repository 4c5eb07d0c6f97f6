import { requireCalendarDate } from './calendar-date';
import { expectRefusal } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError } from './errors';

describe('requireCalendarDate', () => {
  it.each(['2025-01-01', '2025-12-31', '2025-04-30', '2024-02-29', '2000-02-29'])(
    'accepts %s unchanged',
    (value) => {
      expect(requireCalendarDate('dueDate', value)).toBe(value);
    },
  );

  it.each([
    ['2025-02-30', 'a day that does not exist'],
    ['2025-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century year not divisible by 400'],
    ['2025-04-31', 'the 31st of a 30-day month'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-1-1', 'month and day without leading zeros'],
    ['20250101', 'no dashes'],
    ['2025/01/01', 'slashes'],
    ['01-01-2025', 'day first'],
    ['2025-01-01T00:00:00Z', 'a time as well as a date'],
    [' 2025-01-01', 'surrounding blanks'],
    ['', 'an empty text'],
    ['tomorrow', 'words'],
  ])('refuses %p (%s), naming the field', (value) => {
    expectRefusal(() => requireCalendarDate('dueDate', value), InvalidValueError, {
      field: 'dueDate',
      message: 'dueDate: must be a calendar date written YYYY-MM-DD',
    });
  });
});
