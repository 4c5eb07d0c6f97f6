import { Injectable } from '@nestjs/common';

/**
 * The clock of the risk commands, injected so that tests can move it. The calendar day is the
 * Swedish one: a review or acceptance date means that day in the region, not in UTC.
 */
@Injectable()
export class RiskClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return calendarDayInSweden(this.now());
  }
}

export function calendarDayInSweden(moment: Date): string {
  return moment.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
