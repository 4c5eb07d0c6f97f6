import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';

/**
 * Intl formatters by locale and options, made once: making one costs a hundred times formatting
 * with it, and a dashboard formats a few hundred numbers.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!made) formatters.set(key, (made = new Intl.NumberFormat(locale, options)));
  return made;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** Dates, times and numbers in the chosen language's form, always through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  // Swedish dates read 2026-12-04 (short); English ones 4 Dec 2026, never the ambiguous 04/12/2026.
  const dateStyle = i18n.language === 'en' ? 'medium' : 'short';
  return {
    locale,
    date: (value: string | Date | null | undefined) =>
      value ? dateFormat(locale, { dateStyle }).format(toDate(value)) : '–',
    dateTime: (value: string | Date | null | undefined) =>
      value ? dateFormat(locale, { dateStyle, timeStyle: 'short' }).format(toDate(value)) : '–',
    number: (value: number | null | undefined, digits = 0) =>
      value === null || value === undefined
        ? '–'
        : numberFormat(locale, { maximumFractionDigits: digits }).format(value),
    month: (yearMonth: string) =>
      dateFormat(locale, { year: 'numeric', month: 'short' }).format(
        new Date(`${yearMonth}-01T12:00:00`),
      ),
  };
}

/** A date without a time (2026-12-04) is that calendar day, not midnight UTC. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
}
