import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { upcast as upcastToCurrent, type VersionedEvent } from '@riskledger/contracts';
import { commitOrderPage, commitOrderParameters } from './commit-order';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';
import { eventHash, microsecondIso } from './integrity/event-hash';
import type { EventFacts, LogCheckpoint, NewEvent, StoredEvent } from './stored-event';
import { VersionConflictError } from './version-conflict.error';

const UNIQUE_VIOLATION = '23505';

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
  /**
   * @param upcast brings an old event to the schema version the code reads today. Reads return
   * upcast events; the stored rows are never rewritten (and the hashes cover them as written).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
    private readonly upcast: <E extends VersionedEvent>(event: E) => E = upcastToCurrent,
  ) {}

  private readonly read = (row: EventRow): StoredEvent => this.upcast(toStoredEvent(row));

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

  /**
   * Each event's hash chains it to the stream's previous event and covers its position, so the
   * positions are drawn from the sequence first (in the same round trip as the stream's head) and
   * inserted explicitly. Only this stream's head is read: appends to different streams never wait
   * for each other, and two writers on one stream are still decided by the unique constraint.
   */
  private async insert(
    manager: EntityManager,
    streamType: string,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    const [head]: { version: number; hash: string | null; positions: string[] }[] =
      await manager.query(
        `SELECT coalesce(last.stream_version, 0) AS version, last.hash,
                ARRAY(SELECT nextval('events_position_seq') FROM generate_series(1, $2)) AS positions
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT stream_version, hash FROM events WHERE stream_id = $1
                            ORDER BY stream_version DESC LIMIT 1) AS last ON true`,
        [streamId, events.length],
      );
    if (head.version !== expectedVersion) {
      throw new VersionConflictError(streamId, expectedVersion, head.version);
    }
    const positions = head.positions.map(Number).sort((a, b) => a - b);
    const recordedAt = this.clock();
    let previousHash = head.hash;
    const rows = events.map((event, i) => {
      // The values exactly as they will be read back from jsonb, so that verification hashes the same.
      const data: unknown = JSON.parse(JSON.stringify(event.data));
      const metadata: unknown = JSON.parse(JSON.stringify(event.metadata));
      const row = {
        position: positions[i],
        eventId: randomUUID(),
        streamId,
        streamType,
        streamVersion: expectedVersion + i + 1,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data,
        metadata,
        recordedAt: microsecondIso(recordedAt),
      };
      previousHash = eventHash(row, previousHash);
      return { ...row, hash: previousHash };
    });
    const inserted: EventRow[] = await manager.query(
      `INSERT INTO events (position, event_id, stream_id, stream_type, stream_version, event_type,
                           schema_version, data, metadata, recorded_at, hash)
       OVERRIDING SYSTEM VALUE
       SELECT e.position, e.event_id, $1, $2, e.stream_version, e.event_type, e.schema_version,
              e.data, e.metadata, $3, e.hash
       FROM unnest($4::bigint[], $5::uuid[], $6::int[], $7::text[], $8::int[], $9::jsonb[],
                   $10::jsonb[], $11::text[])
            WITH ORDINALITY AS e(position, event_id, stream_version, event_type, schema_version,
                                 data, metadata, hash, n)
       ORDER BY e.n
       RETURNING ${EVENT_COLUMNS}`,
      [
        streamId,
        streamType,
        recordedAt,
        rows.map((r) => r.position),
        rows.map((r) => r.eventId),
        rows.map((r) => r.streamVersion),
        rows.map((r) => r.type),
        rows.map((r) => r.schemaVersion),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => JSON.stringify(r.metadata)),
        rows.map((r) => r.hash),
      ],
    );
    return { streamVersion: expectedVersion + events.length, events: inserted.map(toStoredEvent) };
  }

  /** The stream's current version; 0 when it has no events. */
  async streamVersion(streamId: string, manager?: EntityManager): Promise<number> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return row.version;
  }

  /** The type of a stream ('risk', 'incident', ...), or null when it has no events: one index probe. */
  async streamTypeOf(streamId: string): Promise<string | null> {
    const [row]: { stream_type: string }[] = await this.dataSource.query(
      `SELECT stream_type FROM events WHERE stream_id = $1 ORDER BY stream_version LIMIT 1`,
      [streamId],
    );
    return row?.stream_type ?? null;
  }

  /** A stream's events in version order; with `until`, only those recorded at or before it. */
  async readStream(streamId: string, options: { until?: Date } = {}): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = $1 AND ($2::timestamptz IS NULL OR recorded_at <= $2)
       ORDER BY stream_version`,
      [streamId, options.until ?? null],
    );
    return rows.map(this.read);
  }

  /**
   * Reads the log in commit order after a checkpoint. A sequence hands out positions at insert
   * time, but transactions commit in another order, so "position > last seen" would skip a row
   * that commits a moment later with a lower position. Only rows of transactions older than every
   * transaction still running are returned, ordered by (transaction id, position): a later read
   * can then never find a row that sorts before what was already returned.
   */
  async readAllAfter(
    after: LogCheckpoint,
    limit: number,
    manager?: EntityManager,
  ): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource.manager).query(
      commitOrderPage(EVENT_COLUMNS, { settledOnly: true }),
      commitOrderParameters(after, limit),
    );
    return rows.map(this.read);
  }

  /**
   * Events recorded at or before `until` (of one stream type, or all) whose positions lie in
   * (afterPosition, upToPosition], in position order: each stream's events in version order.
   * Callers page by ranges of positions rather than by LIMIT, so that each page is one short range
   * scan of the primary key whatever the planner estimates for the time condition.
   */
  async readRecorded(options: {
    streamType?: string;
    until: Date;
    afterPosition: number;
    upToPosition: number;
  }): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE position > $1 AND position <= $2 AND recorded_at <= $3
         AND ($4::text IS NULL OR stream_type = $4)
       ORDER BY position`,
      [options.afterPosition, options.upToPosition, options.until, options.streamType ?? null],
    );
    return rows.map(this.read);
  }

  /**
   * The events of these types (of these streams only, when given), in no particular order (the
   * caller orders them as it needs, by position or recorded time), each with only the named fields
   * of its data (a field absent or null is left out), upcast: for views over the whole history
   * that need little of each event (the register's trend month by month), so that they neither
   * fetch nor parse the rest. One query; the upcasters see the named fields only.
   */
  async readFacts(
    types: readonly string[],
    options: { streamIds?: readonly string[]; fields: readonly string[] },
  ): Promise<EventFacts[]> {
    // Each field a parameter of its own: the names never enter the SQL text.
    const fields = options.fields
      .map((_, i) => `$${i + 3}::text, data -> $${i + 3}::text`)
      .join(', ');
    const rows: {
      position: string;
      stream_id: string;
      event_type: string;
      schema_version: number;
      data: Record<string, unknown>;
      recorded_ms: number;
    }[] = await this.dataSource.query(
      // The time as epoch milliseconds: parsing tens of thousands of timestamps costs more.
      `SELECT position, stream_id, event_type, schema_version,
              (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms,
              jsonb_strip_nulls(jsonb_build_object(${fields})) AS data
       FROM events
       WHERE event_type = ANY($1::text[]) AND ($2::text[] IS NULL OR stream_id = ANY($2::text[]))`,
      [types, options.streamIds ?? null, ...options.fields],
    );
    return rows.map((row) =>
      this.upcast({
        position: Number(row.position),
        streamId: row.stream_id,
        type: row.event_type,
        schemaVersion: row.schema_version,
        data: row.data,
        recordedAt: new Date(row.recorded_ms),
      }),
    );
  }

  /** The highest position in the log (0 when empty). */
  async lastPosition(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(max(position), 0)::bigint AS position FROM events`,
    );
    return Number(row.position);
  }

  /** The events with these ids, in position order. */
  async readEvents(eventIds: readonly string[]): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY position`,
      [eventIds],
    );
    return rows.map(this.read);
  }
}
