import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { LogCheckpoint, NewEvent, StoredEvent } from './stored-event';
import { VersionConflictError } from './version-conflict.error';

const UNIQUE_VIOLATION = '23505';

interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
}

const COLUMNS = `position, transaction_id::text AS transaction_id, event_id, stream_id, stream_type,
  stream_version, event_type, schema_version, data, metadata, recorded_at`;

export interface AppendResult {
  /** The stream's version after the append. */
  streamVersion: number;
  events: StoredEvent[];
}

/**
 * The append-only PostgreSQL event store: the system of record. Everything downstream (Kafka, read
 * models) is derived from it and can be rebuilt from it.
 */
export class PostgresEventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Appends events to a stream if, and only if, the stream is at `expectedVersion` (0 for a new
   * stream). A concurrent writer that got there first makes this throw VersionConflictError: the
   * unique (stream_id, stream_version) constraint, not a lock, decides who wins.
   * Pass `manager` to append inside a transaction the caller controls.
   */
  async append(
    streamType: string,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    manager?: EntityManager,
  ): Promise<AppendResult> {
    if (events.length === 0) return { streamVersion: expectedVersion, events: [] };
    const run = (m: EntityManager) => this.insert(m, streamType, streamId, expectedVersion, events);
    try {
      return manager ? await run(manager) : await this.dataSource.transaction(run);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        // A concurrent writer took the version; outside a caller's transaction, say which it is now.
        const actual = manager ? null : await this.streamVersion(streamId).catch(() => null);
        throw new VersionConflictError(streamId, expectedVersion, actual);
      }
      throw error;
    }
  }

  private async insert(
    manager: EntityManager,
    streamType: string,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    const actualVersion = await this.streamVersion(streamId, manager);
    if (actualVersion !== expectedVersion) {
      throw new VersionConflictError(streamId, expectedVersion, actualVersion);
    }
    const recordedAt = this.clock();
    const rows: EventRow[] = await manager.query(
      `INSERT INTO events (event_id, stream_id, stream_type, stream_version, event_type,
                           schema_version, data, metadata, recorded_at)
       SELECT e.event_id, $1, $2, e.stream_version, e.event_type, e.schema_version, e.data,
              e.metadata, $3
       FROM unnest($4::uuid[], $5::int[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[])
            WITH ORDINALITY AS e(event_id, stream_version, event_type, schema_version, data,
                                 metadata, n)
       ORDER BY e.n
       RETURNING ${COLUMNS}`,
      [
        streamId,
        streamType,
        recordedAt,
        events.map(() => randomUUID()),
        events.map((_, i) => expectedVersion + i + 1),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    return { streamVersion: expectedVersion + events.length, events: rows.map(toStoredEvent) };
  }

  /** The stream's current version; 0 when it has no events. */
  async streamVersion(streamId: string, manager?: EntityManager): Promise<number> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return row.version;
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(toStoredEvent);
  }

  /**
   * Reads the log in commit order after a checkpoint. A sequence hands out positions at insert
   * time, but transactions commit in another order, so "position > last seen" would skip a row
   * that commits a moment later with a lower position. Only rows of transactions older than every
   * transaction still running are returned, ordered by (transaction id, position): a later read
   * can then never find a row that sorts before what was already returned.
   */
  async readAllAfter(after: LogCheckpoint, limit: number): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, position
       LIMIT $3`,
      [after.transactionId, after.position, limit],
    );
    return rows.map(toStoredEvent);
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    position: Number(row.position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
