/**
 * The generated types give optional text and dates as `Record<string, never> | null` (the OpenAPI
 * document says "nullable" without a type); these read them as what they are.
 */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

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
