import { Injectable } from '@nestjs/common';

/**
 * The one clock of the API, injected so that tests can move it. The calendar day is the Swedish
 * one: a review, acceptance or measurement date, and a goal's year, mean that day in the region,
 * not in UTC.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return calendarDayInSweden(this.now());
  }
}

/** Made once: toLocaleDateString builds a new formatter on every call, a cost on every command. */
const SWEDISH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/**
 * The last minute asked for and its day: formatting was about 1% of the API's CPU, and every
 * command asks for today. Sweden's day turns on a whole minute (its offsets from UTC are whole
 * hours), so every moment of one UTC minute has the same day there.
 */
let lastMinute = Number.NaN;
let lastDay = '';

export function calendarDayInSweden(moment: Date): string {
  const minute = Math.floor(moment.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDay = SWEDISH_DAY.format(moment);
    lastMinute = minute;
  }
  return lastDay;
}
