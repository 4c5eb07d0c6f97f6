import { Injectable } from '@nestjs/common';
import { distinctUntilChanged, from, map, Observable, share, switchMap, timer } from 'rxjs';
import { HealthChecks } from '../health/health-checks';

/** How far the read models are behind the log: events not yet in them, and for how long. */
export interface ReadModelLag {
  /** Events recorded but not yet in the registers (relay backlog + projector lag); null: unknown. */
  events: number | null;
  /** Whole seconds the registers have been behind without a break; 0 when they are current. */
  seconds: number;
}

const SAMPLE_MS = 2000;

/** Measured every two seconds in each API process while some page listens, shared by all. */
@Injectable()
export class LiveLag {
  readonly lag: Observable<ReadModelLag>;

  constructor(health: HealthChecks) {
    let behindSince: number | null = null;
    this.lag = timer(0, SAMPLE_MS).pipe(
      switchMap(() => from(Promise.all([health.relayBacklog(), health.projectorLag()]))),
      map(([backlog, lag]): ReadModelLag => {
        const events = backlog === null || lag === null ? null : backlog + lag;
        if (!events) behindSince = null;
        else behindSince ??= Date.now();
        const seconds = behindSince === null ? 0 : Math.floor((Date.now() - behindSince) / 1000);
        return { events, seconds };
      }),
      distinctUntilChanged((a, b) => a.events === b.events && a.seconds === b.seconds),
      share(),
    );
  }
}
