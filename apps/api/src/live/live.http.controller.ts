import { Controller, Sse, type BeforeApplicationShutdown, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@riskledger/domain';
import { visibleChanges, type LiveVisibility } from '@riskledger/read-models';
import {
  concatMap,
  endWith,
  filter,
  from,
  interval,
  map,
  merge,
  NEVER,
  Observable,
  startWith,
  Subject,
  takeUntil,
  timer,
} from 'rxjs';
import type { DataSource } from 'typeorm';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { LiveLag } from './live-lag';
import { ReadModelListener } from './read-model-listener';

/** Proxies close a quiet connection; a comment-like event every 25 s keeps it open. */
const KEEP_ALIVE_MS = 25_000;
/** A timer set further ahead (about 24 days) would fire at once: Node's timers are 32-bit. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

@ApiTags('live')
@Controller('live')
export class LiveController implements BeforeApplicationShutdown {
  private readonly closing = new Subject<void>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listener: ReadModelListener,
    private readonly lag: LiveLag,
  ) {}

  @Requires('reference.read')
  @Sse()
  @ApiOperation({
    summary:
      'Server-sent events for an open page: `change` (the risks, incidents and goals a committed ' +
      'read-model batch changed, only those the caller may see), `resync` (changes may have been ' +
      'missed: read again), `lag` (how many events the registers are behind the log, and for how ' +
      'many seconds), `ready` first and `ping` to keep the connection open. When the bearer ' +
      'token expires the stream sends `expired` and ends: open it again with a fresh token',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream' })
  live(@Caller() caller: Principal): Observable<MessageEvent> {
    const visibility: LiveVisibility = {
      risks: visibilityOf(caller, 'risks.read'),
      incidents: visibilityOf(caller, 'incidents.read'),
      goals: visibilityOf(caller, 'goals.read'),
    };
    const changes = this.listener.signals.pipe(
      concatMap((signal) =>
        'resync' in signal
          ? from([{ type: 'resync', data: {} }])
          : from(visibleChanges(this.dataSource, signal.changes, visibility)).pipe(
              filter((visible) => visible.length > 0),
              map((visible) => ({ type: 'change', data: { changes: visible } })),
            ),
      ),
    );
    // What a token opened ends with it: a signed-out or demoted caller hears no more.
    const expiry =
      caller.validUntil === undefined
        ? NEVER
        : timer(Math.min(Math.max(0, caller.validUntil - Date.now()), LONGEST_TIMER_MS));
    return merge(
      changes,
      this.lag.lag.pipe(map((lag) => ({ type: 'lag', data: lag }))),
      interval(KEEP_ALIVE_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    ).pipe(
      startWith({ type: 'ready', data: {} }),
      takeUntil(expiry),
      endWith({ type: 'expired', data: {} }),
      takeUntil(this.closing),
    );
  }

  /** An open stream never ends by itself; it must not hold a graceful shutdown. */
  beforeApplicationShutdown(): void {
    this.closing.next();
  }
}
