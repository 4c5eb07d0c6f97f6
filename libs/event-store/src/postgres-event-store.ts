import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { upcast as upcastToCurrent, type VersionedEvent } from '@riskledger/contracts';
import { commitOrderPage, commitOrderParameters } from './commit-order';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './event-row';
import { LogAppendedAnnouncer, NOTIFY_LOG_APPENDED } from './log-appended';
import type { LogCheckpoint, NewEvent, StoredEvent } from './stored-event';
import { VersionConflictError } from './version-conflict.error';

const UNIQUE_VIOLATION = '23505';
/** Raised by append_events when the stream is not at the expected version. */
const STALE_VERSION = 'RL409';

/**
 * Only what the database adds: the caller already has the rest, and sending data and metadata back
 * would cost PostgreSQL their text and the caller a second parse.
 */
const APPEND = `SELECT position, transaction_id::text AS transaction_id, hash
  FROM append_events($1, $2, $3, $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9)
  ORDER BY position`;

const READ_ALL_AFTER = commitOrderPage(EVENT_COLUMNS, { settledOnly: true });

/** Streams per statement of appendStreams: a few hundred keep each statement's parameter small. */
const STREAMS_PER_STATEMENT = 500;

/** append_events once per stream of a JSON array, in its order: many streams in one round trip. */
const APPEND_STREAMS = `SELECT ${EVENT_COLUMNS} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS s(a, n),
  LATERAL append_events(s.a->>'streamId', s.a->>'streamType', (s.a->>'expectedVersion')::int,
    ARRAY(SELECT jsonb_array_elements_text(s.a->'eventIds'))::uuid[],
    ARRAY(SELECT jsonb_array_elements_text(s.a->'types')),
    ARRAY(SELECT jsonb_array_elements_text(s.a->'schemaVersions')::int),
    ARRAY(SELECT jsonb_array_elements(s.a->'data')),
    ARRAY(SELECT jsonb_array_elements(s.a->'metadata')), $2) AS e
  ORDER BY s.n, e.stream_version`;

/** The columns of an appended row that append_events fills in. */
interface AddedColumns {
  position: string;
  transaction_id: string;
  hash: string;
}

/** One stream's part of appendStreams. */
export interface StreamAppend {
  streamType: string;
  streamId: string;
  expectedVersion: number;
  events: readonly NewEvent[];
}

export interface AppendResult {
  /** The stream's version after the append. */
  streamVersion: number;
  events: StoredEvent[];
}

/**
 * The append-only PostgreSQL event store: the system of record. Everything downstream (Kafka, read
 * models) is derived from it and can be rebuilt from it.
 */
/** Positions per page of readRecordedPages: one short range scan of the primary key each. */
const RECORDED_PAGE = 5000;

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

  private readonly announcer = new LogAppendedAnnouncer(() =>
    this.query('notify_log_appended', NOTIFY_LOG_APPENDED, []),
  );

  /**
   * Tells the log's followers (the relay) that appends committed, so that they read at once.
   * `append` does it itself; a caller that appended in a transaction of its own calls this once
   * that transaction committed.
   */
  announceAppended(): void {
    this.announcer.announce();
  }

  /**
   * The DataSource's own pg pool: the same connections, without TypeORM's per-query work. None
   * when the DataSource is not connected: TypeORM's query then says so in its own error.
   */
  private pool(): Pool | null {
    if (!this.dataSource.isInitialized) return null;
    return ((this.dataSource.driver as PostgresDriver).master as Pool | undefined) ?? null;
  }

  /**
   * A statement of the store's hot paths. In a caller's transaction, on its manager; otherwise a
   * prepared statement straight on the pool, parsed and planned once per connection: TypeORM's
   * query path and a parse and plan each time cost about a third of a read's CPU, and an append
   * outside a transaction needs no BEGIN and COMMIT.
   */
  private async query<Row>(
    name: string,
    text: string,
    values: unknown[],
    manager?: EntityManager,
  ): Promise<Row[]> {
    const pool = manager ? null : this.pool();
    if (pool) return (await pool.query({ name, text, values })).rows as Row[];
    return (manager ?? this.dataSource.manager).query(text, values);
  }

  /**
   * Appends events to a stream if, and only if, the stream is at `expectedVersion` (0 for a new
   * stream); otherwise throws VersionConflictError and writes nothing. One statement, one round
   * trip: the database function append_events reads the stream's head, checks the version, draws
   * the positions, chains the hashes and inserts (migration 1732300015000). Only this stream's head
   * is read, so appends to different streams never wait for each other; two writers that read the
   * same head are decided by the unique (stream_id, stream_version) constraint, not by a lock.
   * Pass `manager` to append inside a transaction the caller controls (and announceAppended once it
   * committed).
   */
  async append(
    streamType: string,
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    manager?: EntityManager,
  ): Promise<AppendResult> {
    if (events.length === 0) return { streamVersion: expectedVersion, events: [] };
    const eventIds = events.map(() => randomUUID());
    const data = events.map((e) => JSON.stringify(e.data));
    const metadata = events.map((e) => JSON.stringify(e.metadata));
    const recordedAt = this.clock();
    const parameters = [
      streamId,
      streamType,
      expectedVersion,
      eventIds,
      events.map((e) => e.type),
      events.map((e) => e.schemaVersion),
      data,
      metadata,
      recordedAt,
    ];
    try {
      const added = await this.query<AddedColumns>('append_events', APPEND, parameters, manager);
      if (!manager) this.announceAppended();
      return {
        streamVersion: expectedVersion + events.length,
        // The values as a read returns them: through JSON, as jsonb keeps them.
        events: events.map((e, i) => ({
          eventId: eventIds[i],
          position: Number(added[i].position),
          transactionId: added[i].transaction_id,
          streamId,
          streamType,
          streamVersion: expectedVersion + i + 1,
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: JSON.parse(data[i]) as unknown,
          metadata: JSON.parse(metadata[i]) as StoredEvent['metadata'],
          recordedAt,
          hash: added[i].hash,
        })),
      };
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      if (code === STALE_VERSION) {
        throw new VersionConflictError(streamId, expectedVersion, Number(detail));
      }
      if (code === UNIQUE_VIOLATION) {
        // A concurrent writer took the version; outside a caller's transaction, say which it is now.
        const actual = manager ? null : await this.streamVersion(streamId).catch(() => null);
        throw new VersionConflictError(streamId, expectedVersion, actual);
      }
      throw error;
    }
  }

  /**
   * Appends to many streams within the caller's transaction, each exactly as `append` would
   * (append_events: the same version check, positions and hash chain), a few hundred streams per
   * round trip: a bulk import of thousands of risks commits all of them or none. A stream that is
   * not at its expected version throws VersionConflictError; the caller's transaction then rolls
   * everything back.
   */
  async appendStreams(
    appends: readonly StreamAppend[],
    manager: EntityManager,
    /** Told after each statement how many of the streams are appended (a long import's bar). */
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<StoredEvent[]> {
    const appended: StoredEvent[] = [];
    const recordedAt = this.clock();
    for (let from = 0; from < appends.length; from += STREAMS_PER_STATEMENT) {
      const batch = appends.slice(from, from + STREAMS_PER_STATEMENT).map((a) => ({
        streamId: a.streamId,
        streamType: a.streamType,
        expectedVersion: a.expectedVersion,
        eventIds: a.events.map(() => randomUUID()),
        types: a.events.map((e) => e.type),
        schemaVersions: a.events.map((e) => e.schemaVersion),
        data: a.events.map((e) => e.data),
        metadata: a.events.map((e) => e.metadata),
      }));
      try {
        const rows: EventRow[] = await manager.query(APPEND_STREAMS, [
          JSON.stringify(batch),
          recordedAt,
        ]);
        appended.push(...rows.map(toStoredEvent));
        onProgress(Math.min(from + STREAMS_PER_STATEMENT, appends.length), appends.length);
      } catch (error) {
        const { code, detail, message } = error as Record<string, string | undefined>;
        if (code !== STALE_VERSION && code !== UNIQUE_VIOLATION) throw error;
        // RL409 names the stream in its message; a unique violation in its detail.
        const streamId = /stream (\S+) is at|\(stream_id, stream_version\)=\(([^,]+),/.exec(
          `${message} ${detail}`,
        );
        const id = streamId?.[1] ?? streamId?.[2] ?? '';
        const expected = batch.find((a) => a.streamId === id)?.expectedVersion ?? 0;
        throw new VersionConflictError(
          id,
          expected,
          code === STALE_VERSION ? Number(detail) : null,
        );
      }
    }
    return appended;
  }

  /** The stream's current version; 0 when it has no events. */
  async streamVersion(streamId: string, manager?: EntityManager): Promise<number> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    return row.version;
  }

  /** Which of these streams have events. */
  async existingStreams(streamIds: readonly string[]): Promise<string[]> {
    if (streamIds.length === 0) return [];
    const rows: { stream_id: string }[] = await this.dataSource.query(
      `SELECT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND stream_version = 1`,
      [streamIds],
    );
    return rows.map((r) => r.stream_id);
  }

  /** Whether the log holds any event of these types: one probe of the index events_by_type. */
  async holdsEventsOf(types: readonly string[]): Promise<boolean> {
    const [row]: { holds: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM events WHERE event_type = ANY($1::text[])) AS holds`,
      [types],
    );
    return row.holds;
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
   * The events of these streams, each stream's in version order; with `manager`, as that
   * transaction's snapshot has them (a reader that must agree with read models it read there).
   */
  async readStreams(streamIds: readonly string[], manager?: EntityManager): Promise<StoredEvent[]> {
    if (streamIds.length === 0) return [];
    const rows: EventRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[])
       ORDER BY stream_id, stream_version`,
      [streamIds],
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
    const parameters = commitOrderParameters(after, limit);
    const rows = await this.query<EventRow>('read_all_after', READ_ALL_AFTER, parameters, manager);
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
   * Every event recorded at or before `until` (of one stream type, or all) after a position, in
   * position order, a page at a time: the one way a view of the past reads the whole log.
   */
  async *readRecordedPages(options: {
    streamType?: string;
    until: Date;
    afterPosition?: number;
  }): AsyncGenerator<StoredEvent[]> {
    const last = await this.lastPosition();
    for (let after = options.afterPosition ?? 0; after < last; after += RECORDED_PAGE) {
      yield await this.readRecorded({
        ...options,
        afterPosition: after,
        upToPosition: after + RECORDED_PAGE,
      });
    }
  }

  /** The highest position in the log (0 when empty). */
  async lastPosition(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(max(position), 0)::bigint AS position FROM events`,
    );
    return Number(row.position);
  }

  /**
   * The events of these types recorded since and/or until a moment, in position order (index
   * events_by_type): a few kinds of event out of a long log.
   */
  async readOfTypes(
    types: readonly string[],
    options: { recordedSince?: Date; until?: Date },
  ): Promise<StoredEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE event_type = ANY($1::text[])
         AND ($2::timestamptz IS NULL OR recorded_at >= $2)
         AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY position`,
      [types, options.recordedSince ?? null, options.until ?? null],
    );
    return rows.map(this.read);
  }

  /**
   * The highest position of an event recorded at or before `until` (0 for none), counting
   * RESTRICTED events only when `restricted`: what a reader of the log up to then saw last.
   */
  async lastPositionRecorded(options: { until: Date; restricted: boolean }): Promise<number> {
    const [row]: { position: string | null }[] = await this.dataSource.query(
      `SELECT position FROM events
       WHERE recorded_at <= $1 AND ($2 OR metadata->>'classification' IS DISTINCT FROM 'RESTRICTED')
       ORDER BY position DESC LIMIT 1`,
      [options.until, options.restricted],
    );
    return Number(row?.position ?? 0);
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
