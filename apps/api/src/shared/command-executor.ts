import { ForbiddenException, Injectable } from '@nestjs/common';
import { domainEventOf } from '@riskledger/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
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
  type EventMetadata,
  type StoredEvent,
} from '@riskledger/event-store';
import type { ImportedFrom } from '@riskledger/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { StreamVisibility } from '../access/stream-visibility';
import { metadataFor, type CommandContext } from './command-context';
import { ReferenceData } from './reference-data';

export interface StreamWrite<State, Command, Event extends DomainEvent = DomainEvent> {
  decider: Decider<State, Command, Event>;
  streamType: StreamType;
  streamId: string;
  command: Command;
  context: CommandContext;
  reason?: string | null;
  /** From If-Match: the stream version the caller saw; the write is refused if it has moved on. */
  expectedVersion?: number;
  /**
   * The stream id was made for this command (a fresh UUID), so it has no history to read: the
   * events are appended at version 0, and the store would refuse them if the stream existed.
   */
  newStream?: boolean;
  /** Work that must commit with the events, or not at all (a read model kept in step). */
  inTransaction?: (manager: EntityManager, appended: AppendResult) => Promise<void>;
  /** The spreadsheet row a bulk import made the command from. */
  importedFrom?: ImportedFrom;
  /** The write changes reference data that commands are checked against (ReferenceData). */
  changesReferenceData?: boolean;
}

/** Events decided for a stream, ready to append at the version they were decided on. */
export interface DecidedWrite {
  streamType: StreamType;
  streamId: string;
  expectedVersion: number;
  events: ReturnType<typeof newEvent>[];
  inTransaction?: StreamWrite<unknown, unknown>['inTransaction'];
  changesReferenceData?: boolean;
}

/** Without If-Match the caller asked for no particular version, so a lost race is decided again. */
const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * The one way a command changes the system: fold the stream into state, let the domain decide,
 * append the new events with the version that was read. A writer that got in between makes the
 * append fail with VersionConflictError instead of overwriting it.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceData,
  ) {}

  async execute<State, Command>(write: StreamWrite<State, Command>): Promise<AppendResult> {
    const attempts = write.expectedVersion === undefined ? ATTEMPTS_WITHOUT_IF_MATCH : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(write);
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt >= attempts) throw error;
      }
    }
  }

  private async attempt<State, Command>(write: StreamWrite<State, Command>): Promise<AppendResult> {
    const { decider, streamId, expectedVersion } = write;
    const history = write.newStream ? [] : await this.store.readStream(streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new VersionConflictError(streamId, expectedVersion, version);
    }
    const scope = write.context.visibility;
    // A risk or incident outside the caller's scope does not exist for them, to change either.
    if (scope && history.length > 0 && !(await this.visibility.allows(history, scope))) {
      throw new NotFoundError(write.streamType, streamId);
    }
    const past = history.map(domainEventOf).filter((e) => e !== null);
    const events = decider.decide(write.command, fold(decider, past));
    if (scope && history.length === 0) {
      const start = events.map((e) => ({ ...e, metadata: { actor: write.context.actor } }));
      if (!(await this.visibility.allows(start, scope))) {
        throw new ForbiddenException(
          `Not allowed: this ${write.streamType} would lie outside the units and areas you ` +
            'are responsible for',
        );
      }
    }
    const metadata = metadataOf(write, [...past, ...events]);
    const append = (manager?: EntityManager) =>
      this.store.append(
        write.streamType,
        streamId,
        version,
        events.map((event) => newEvent(event, metadata)),
        manager,
      );
    const { inTransaction } = write;
    if (!inTransaction) return append();
    const appended = await this.dataSource.transaction(async (manager) => {
      const inside = await append(manager);
      await inTransaction(manager, inside);
      return inside;
    });
    // Committed: the next command of this process must not pass on what was cached before.
    if (write.changesReferenceData) this.referenceData.changed();
    this.store.announceAppended();
    return appended;
  }

  /**
   * Decides a command as `execute` does, on a state the caller folded, and appends nothing: a bulk
   * import decides every row first and then appends all of them, or none, with `appendAll`. Scope
   * is the caller's to check. The classification is read from the new events alone: for a new
   * stream, or the organisation's, which is never restricted. Throws the domain's refusal.
   */
  decide<State, Command, Event extends DomainEvent>(
    write: StreamWrite<State, Command, Event>,
    state: State,
  ) {
    const events = write.decider.decide(write.command, state);
    const metadata = metadataOf(write, events);
    return { events, newEvents: events.map((event) => newEvent(event, metadata)) };
  }

  /** Appends decided writes to many streams in one transaction: all of them or none. */
  async appendAll(
    writes: readonly DecidedWrite[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<StoredEvent[]> {
    const appended = await this.dataSource.transaction(async (manager) => {
      const inside = await this.store.appendStreams(writes, manager, onProgress);
      for (const write of writes) {
        if (!write.inTransaction) continue;
        const events = inside.filter((e) => e.streamId === write.streamId);
        const streamVersion = write.expectedVersion + events.length;
        await write.inTransaction(manager, { streamVersion, events });
      }
      return inside;
    });
    if (writes.some((write) => write.changesReferenceData)) this.referenceData.changed();
    this.store.announceAppended();
    return appended;
  }
}

function metadataOf<State, Command, Event extends DomainEvent>(
  write: StreamWrite<State, Command, Event>,
  events: readonly DomainEvent[],
): EventMetadata {
  const classification = streamClassification(events);
  return {
    ...metadataFor(write.context, write.reason),
    ...(classification ? { classification } : {}),
    ...(write.importedFrom ? { importedFrom: write.importedFrom } : {}),
  };
}

/** An event the domain decided, as the store appends it: with its schema version and metadata. */
export function newEvent(event: DomainEvent, metadata: EventMetadata) {
  return {
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].schemaVersion,
    data: event.data,
    metadata,
  };
}
