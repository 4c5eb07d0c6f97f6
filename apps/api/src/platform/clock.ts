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

export function calendarDayInSweden(moment: Date): string {
  return SWEDISH_DAY.format(moment);
}
