import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVENT_CATALOGUE,
  fold,
  type Decider,
  type DomainEvent,
  type StreamType,
} from '@riskledger/domain';
import {
  PostgresEventStore,
  VersionConflictError,
  type AppendResult,
  type EventMetadata,
} from '@riskledger/event-store';
import { envelopeOf } from '@riskledger/messaging';
import { projectInTransaction, type Projection } from '@riskledger/read-models';
import type { DataSource } from 'typeorm';
import { metadataFor, type CommandContext } from '../shared/command-context';

export interface ReferenceDataExecution<State, Command> {
  decider: Decider<State, Command, DomainEvent>;
  streamType: StreamType;
  streamId: string;
  command: Command;
  /** The read model kept in step with the stream, in the same transaction. */
  projection: Projection;
  context: CommandContext;
  reason?: string | null;
  /** From If-Match: the stream version the caller saw. */
  expectedVersion?: number;
}

const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * Like EventSourcedCommands, but the reference data's read model is updated in the transaction
 * that appends the events. Every risk, incident and goal command checks its area, unit and matrix
 * against these tables, so they must never lag behind the log: a retired area must be refused by
 * the very next request, not once Kafka has carried the retirement to the projector.
 */
@Injectable()
export class ReferenceDataCommands {
  constructor(
    private readonly store: PostgresEventStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute<State, Command>(
    execution: ReferenceDataExecution<State, Command>,
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

  /**
   * Appends events decided elsewhere (the seeding) at an expected version, with their read model,
   * in one transaction; several streams at once all or nothing.
   */
  async appendAll(
    appends: readonly {
      streamType: StreamType;
      streamId: string;
      expectedVersion: number;
      events: readonly DomainEvent[];
      projection: Projection;
    }[],
    metadata: EventMetadata,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const append of appends) {
        const result = await this.store.append(
          append.streamType,
          append.streamId,
          append.expectedVersion,
          append.events.map((event) => newEvent(event, metadata)),
          manager,
        );
        await projectInTransaction(manager, append.projection, result.events.map(envelopeOf));
      }
    });
  }

  private async attempt<State, Command>(
    execution: ReferenceDataExecution<State, Command>,
  ): Promise<AppendResult> {
    const { decider, streamId, expectedVersion } = execution;
    const history = await this.store.readStream(streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new VersionConflictError(streamId, expectedVersion, version);
    }
    const state = fold(
      decider,
      history.map((e) => ({ type: e.type, data: e.data }) as DomainEvent),
    );
    const events = decider.decide(execution.command, state);
    const metadata = metadataFor(execution.context, execution.reason);
    return this.dataSource.transaction(async (manager) => {
      const result = await this.store.append(
        execution.streamType,
        streamId,
        version,
        events.map((event) => newEvent(event, metadata)),
        manager,
      );
      await projectInTransaction(manager, execution.projection, result.events.map(envelopeOf));
      return result;
    });
  }
}

function newEvent(event: DomainEvent, metadata: EventMetadata) {
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: event.data,
    metadata,
  };
}
