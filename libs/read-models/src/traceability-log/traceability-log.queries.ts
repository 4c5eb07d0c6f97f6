import type { DataSource } from 'typeorm';
import { unitSubtreeCondition } from '../reference-data/reference-data.queries';
import type { TraceabilityEntry } from './traceability-entry';

export interface TraceabilityFilter {
  streamId?: string;
  streamType?: string;
  actor?: string;
  area?: string;
  unit?: string;
  /** With `unit`: the units below it in the organisational tree too. */
  includeSubunits?: boolean;
  eventType?: string;
  correlationId?: string;
  causationId?: string;
  /** Only entries recorded at or after this time. */
  from?: Date;
  /** Only entries recorded before this time. */
  to?: Date;
  /** Only entries after this position (a cursor: pass the last position of the previous page). */
  after?: number;
  limit: number;
  /** Whether the caller is cleared for restricted entries; others never see them. */
  cleared: boolean;
}

/** How an entry of an incident's chain relates to the incident. */
export type ChainLink = 'INCIDENT' | 'CAUSED' | 'CORRELATED';

export interface ChainEntry extends TraceabilityEntry {
  link: ChainLink;
}

/** An entry with what the log itself holds of its event: the metadata and the chain's hash. */
export interface TraceabilityEvent extends TraceabilityEntry {
  schemaVersion: number;
  metadata: Record<string, unknown>;
  hash: string;
}

interface TraceabilityRow {
  position: string;
  event_id: string;
  stream_type: string;
  stream_id: string;
  stream_version: number;
  event_type: string;
  recorded_at: Date;
  actor: string;
  actor_name: string | null;
  reason: string | null;
  correlation_id: string;
  causation_id: string | null;
  area: string | null;
  unit: string | null;
  summary: string;
  data: Record<string, unknown>;
  restricted: boolean;
}

const EQUALITY_FILTERS = [
  ['streamId', 'stream_id'],
  ['streamType', 'stream_type'],
  ['actor', 'actor'],
  ['area', 'area'],
  ['eventType', 'event_type'],
  ['correlationId', 'correlation_id'],
  ['causationId', 'causation_id'],
] as const;

export class TraceabilityLogQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Entries in log order, oldest first, newest last. Only the conditions asked for go into the
   * statement, so that each filter can use its own index.
   */
  async list(filter: TraceabilityFilter): Promise<TraceabilityEntry[]> {
    const { where, values } = whereOf(filter);
    values.push(filter.after ?? 0, filter.limit);
    const rows: TraceabilityRow[] = await this.dataSource.query(
      `SELECT * FROM traceability_log WHERE ${where} AND position > $${values.length - 1}
       ORDER BY position LIMIT $${values.length}`,
      values,
    );
    return rows.map(entryOf);
  }

  /** How many entries the filter finds in all pages. */
  async count(filter: Omit<TraceabilityFilter, 'after' | 'limit'>): Promise<number> {
    const { where, values } = whereOf(filter);
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM traceability_log WHERE ${where}`,
      values,
    );
    return n;
  }

  /** One entry by its log position, with its event's metadata and hash; null if not visible. */
  async event(position: number, cleared: boolean): Promise<TraceabilityEvent | null> {
    const [row]: (TraceabilityRow & {
      schema_version: number;
      metadata: Record<string, unknown>;
      hash: string;
    })[] = await this.dataSource.query(
      `SELECT t.*, e.schema_version, e.metadata, e.hash
       FROM traceability_log t JOIN events e ON e.position = t.position
       WHERE t.position = $1 AND ($2 OR NOT t.restricted)`,
      [position, cleared],
    );
    if (!row) return null;
    return {
      ...entryOf(row),
      schemaVersion: row.schema_version,
      metadata: row.metadata,
      hash: row.hash,
    };
  }

  /**
   * Everything that happened because of a stream (an incident), in log order: its own events;
   * events that share a correlation id with any event of the chain; and events whose causation id
   * names the stream or an event of the chain. Followed to the end, so that a consequence of a
   * consequence belongs to the chain too. Empty when the log has no entry of the stream.
   */
  async chainOf(streamId: string, cleared: boolean): Promise<ChainEntry[]> {
    const rows: (TraceabilityRow & { caused: boolean })[] = await this.dataSource.query(
      `WITH RECURSIVE chain (event_id, correlation_id) AS (
         SELECT event_id::text, correlation_id FROM traceability_log WHERE stream_id = $1
         UNION
         SELECT t.event_id::text, t.correlation_id
         FROM traceability_log t JOIN chain c
           ON t.correlation_id = c.correlation_id OR t.causation_id = c.event_id
              OR t.causation_id = $1
       )
       SELECT t.*, (t.causation_id = $1 OR t.causation_id IN (SELECT event_id FROM chain))
                   AS caused
       FROM traceability_log t
       WHERE t.event_id::text IN (SELECT event_id FROM chain) AND ($2 OR NOT t.restricted)
       ORDER BY t.position`,
      [streamId, cleared],
    );
    return rows.map((row) => ({
      ...entryOf(row),
      link: row.stream_id === streamId ? 'INCIDENT' : row.caused ? 'CAUSED' : 'CORRELATED',
    }));
  }

  /**
   * Everything recorded because of the event at `position`, to the end: each entry whose causation
   * id names it or names an entry already found, in log order, at most FOLLOWED_LIMIT + 1 (so that
   * the caller can tell it was cut). Null when there is no entry there the caller may see.
   */
  async followedFrom(position: number, cleared: boolean): Promise<TraceabilityEntry[] | null> {
    const [origin]: { event_id: string }[] = await this.dataSource.query(
      `SELECT event_id::text FROM traceability_log WHERE position = $1 AND ($2 OR NOT restricted)`,
      [position, cleared],
    );
    if (!origin) return null;
    const rows: TraceabilityRow[] = await this.dataSource.query(
      `WITH RECURSIVE followed (event_id) AS (
         SELECT event_id::text FROM traceability_log WHERE causation_id = $1
         UNION
         SELECT t.event_id::text FROM traceability_log t JOIN followed f ON t.causation_id = f.event_id
       )
       SELECT t.* FROM traceability_log t
       WHERE t.event_id::text IN (SELECT event_id FROM followed) AND ($2 OR NOT t.restricted)
       ORDER BY t.position LIMIT $3`,
      [origin.event_id, cleared, FOLLOWED_LIMIT + 1],
    );
    return rows.map(entryOf);
  }
}

/** How many entries `followedFrom` gives at most: a chain longer than this is cut, and says so. */
export const FOLLOWED_LIMIT = 1000;

function entryOf(r: TraceabilityRow): TraceabilityEntry {
  return {
    position: Number(r.position),
    eventId: r.event_id,
    streamType: r.stream_type,
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    eventType: r.event_type,
    recordedAt: r.recorded_at.toISOString(),
    actor: r.actor,
    actorName: r.actor_name,
    reason: r.reason,
    correlationId: r.correlation_id,
    causationId: r.causation_id,
    area: r.area,
    unit: r.unit,
    summary: r.summary,
    data: r.data,
    restricted: r.restricted,
  };
}

/** The SQL condition of a filter (cursor and page aside): the one way the log is searched. */
function whereOf(filter: Omit<TraceabilityFilter, 'after' | 'limit'>): {
  where: string;
  values: unknown[];
} {
  const conditions = filter.cleared ? [] : ['NOT restricted'];
  const values: unknown[] = [];
  const condition = (sql: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    conditions.push(sql(`$${values.length}`));
  };
  for (const [field, column] of EQUALITY_FILTERS) {
    const value = filter[field];
    if (value !== undefined) condition((p) => `${column} = ${p}`, value);
  }
  if (filter.unit !== undefined) {
    if (filter.includeSubunits) {
      values.push(filter.unit);
      conditions.push(unitSubtreeCondition('unit', values.length));
    } else {
      condition((p) => `unit = ${p}`, filter.unit);
    }
  }
  if (filter.from) condition((p) => `recorded_at >= ${p}`, filter.from);
  if (filter.to) condition((p) => `recorded_at < ${p}`, filter.to);
  return { where: conditions.length > 0 ? conditions.join(' AND ') : 'true', values };
}
