import { Injectable } from '@nestjs/common';

/**
 * The clock of the goal commands, injected so that tests can move it. A goal's year and the day a
 * value describes are Swedish calendar days, not UTC ones.
 */
@Injectable()
export class GoalClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return this.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  }
}
