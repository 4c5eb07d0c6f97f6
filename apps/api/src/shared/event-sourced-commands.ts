import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  EVENT_CATALOGUE,
  fold,
  NotFoundError,
  streamClassification,
  type Decider,
  type DomainEvent,
  type StreamType,
} from '@riskledger/domain';
import {
  PostgresEventStore,
  VersionConflictError,
  type AppendResult,
} from '@riskledger/event-store';
import { StreamVisibility } from '../access/stream-visibility';
import { metadataFor, type CommandContext } from './command-context';

export interface CommandExecution<State, Command> {
  decider: Decider<State, Command, DomainEvent>;
  streamType: StreamType;
  streamId: string;
  command: Command;
  context: CommandContext;
  reason?: string | null;
  /** From If-Match: the stream version the caller saw; the write is refused if it has moved on. */
  expectedVersion?: number;
}

/** Without If-Match the caller asked for no particular version, so a lost race is decided again. */
const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * The one way a command changes the system: fold the stream into state, let the domain decide,
 * append the new events with the version that was read. A writer that got in between makes the
 * append fail with VersionConflictError instead of overwriting it.
 */
@Injectable()
export class EventSourcedCommands {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
  ) {}

  async execute<State, Command>(
    execution: CommandExecution<State, Command>,
  ): Promise<AppendResult> {
    const attempts = execution.expectedVersion === undefined ? ATTEMPTS_WITHOUT_IF_MATCH : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(execution);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= attempts) throw error;
      }
    }
  }

  private async attempt<State, Command>(
    execution: CommandExecution<State, Command>,
  ): Promise<AppendResult> {
    const { decider, streamId, expectedVersion } = execution;
    const history = await this.store.readStream(streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new VersionConflictError(streamId, expectedVersion, version);
    }
    const scope = execution.context.visibility;
    // A risk or incident outside the caller's scope does not exist for them, to change either.
    if (scope && history.length > 0 && !(await this.visibility.allows(history, scope))) {
      throw new NotFoundError(execution.streamType, streamId);
    }
    const past = history.map((e) => ({ type: e.type, data: e.data }) as DomainEvent);
    const state = fold(decider, past);
    const events = decider.decide(execution.command, state);
    if (scope && history.length === 0) {
      const start = events.map((e) => ({ ...e, metadata: { actor: execution.context.actor } }));
      if (!(await this.visibility.allows(start, scope))) {
        throw new ForbiddenException(
          `Not allowed: this ${execution.streamType} would lie outside the units and areas you ` +
            'are responsible for',
        );
      }
    }
    const classification = streamClassification([...past, ...events]);
    const metadata = {
      ...metadataFor(execution.context, execution.reason),
      ...(classification ? { classification } : {}),
    };
    return this.store.append(
      execution.streamType,
      streamId,
      version,
      events.map((event) => ({
        type: event.type,
        schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
        data: event.data,
        metadata,
      })),
    );
  }
}
