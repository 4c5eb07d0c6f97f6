export { text, number as num } from '../../../../lib/api/nullable';

/** Today as YYYY-MM-DD in the reader's time zone, and a day so many days later. */
export function today(): string {
  return isoDay(new Date());
}

export function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00`);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
