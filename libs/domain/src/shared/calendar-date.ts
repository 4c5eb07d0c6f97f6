import { InvalidValueError } from './errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks an ISO calendar date (YYYY-MM-DD) that exists in the calendar, e.g. no 2025-02-30. */
export function requireCalendarDate(field: string, value: string): string {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  ) {
    throw new InvalidValueError(field, 'must be a calendar date written YYYY-MM-DD');
  }
  return value;
}
