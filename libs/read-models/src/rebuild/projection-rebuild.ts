import {
  canonicalJson,
  checkpointOf,
  LOG_START,
  type LogCheckpoint,
  type PostgresEventStore,
} from '@riskledger/event-store';
import { envelopeOf } from '@riskledger/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { applyBatch, holdProjectionExclusive, type Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';

export interface RebuildOptions {
  /** Events read and applied per transaction. */
  batchSize?: number;
  /** Called as the rebuild advances: `done` of about `total` events of the log. */
  onProgress?: (done: number, total: number) => void;
}

export interface ReplayResult {
  projection: string;
  table: string;
  /** Events of the whole log read (the projection applies those of its stream types). */
  events: number;
  rows: number;
  durationMs: number;
  eventsPerSecond: number;
  upTo: LogCheckpoint;
}

export interface RowDifference {
  key: string;
  /** MISSING_IN_LIVE: the log says the row exists, the live table lacks it; NOT_IN_LOG: the reverse. */
  kind: 'MISSING_IN_LIVE' | 'NOT_IN_LOG' | 'DIFFERENT';
  columns: string[];
  live: Record<string, unknown> | null;
  rebuilt: Record<string, unknown> | null;
}

export interface CheckpointDifference {
  streamId: string;
  live: number | null;
  rebuilt: number | null;
}

export interface ProjectionComparison {
  projection: string;
  identical: boolean;
  events: number;
  liveRows: number;
  rebuiltRows: number;
  differenceCount: number;
  /** The first differences, by key. */
  differences: RowDifference[];
  checkpointDifferenceCount: number;
  checkpointDifferences: CheckpointDifference[];
  durationMs: number;
}

const DEFAULT_BATCH = 5000;
const MAX_REPORTED = 1000;

/**
 * Rebuilds a projection from position 0 into a fresh table, then swaps it in without readers ever
 * seeing an empty or half-built table: the build and a first catch-up run beside the live table;
 * then, in one transaction holding the projection's lock (the projector waits), the events that
 * came meanwhile are applied, the tables are renamed and the projection's checkpoints replaced by
 * the rebuild's. A reader during that transaction waits a moment and then reads the new table.
 * The projector then skips what the rebuild already applied and goes on with what comes next.
 */
export async function replayProjection(
  dataSource: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<ReplayResult> {
  const started = Date.now();
  const build = new RebuildTable(dataSource, store, projection, 'rebuild', options);
  await build.create();
  try {
    await build.catchUp();
    // Outside the lock: the last catch-up (the projector waiting) then updates them row by row
    // for the few events that came meanwhile only.
    await build.buildDeferredIndexes();
    await dataSource.transaction(async (manager) => {
      await holdProjectionExclusive(manager, projection.name);
      await build.catchUp(manager);
      await build.swapIn(manager);
    });
  } catch (error) {
    await build.drop();
    throw error;
  }
  const [{ n }] = await dataSource.query(
    `SELECT count(*)::int AS n FROM ${sqlIdentifier(projection.table)}`,
  );
  const durationMs = Date.now() - started;
  return {
    projection: projection.name,
    table: projection.table,
    events: build.events,
    rows: n,
    durationMs,
    eventsPerSecond: Math.round(build.events / Math.max(durationMs / 1000, 0.001)),
    upTo: build.checkpoint,
  };
}

/**
 * Rebuilds a projection into a scratch table and compares it, row by row, with the live table and
 * its checkpoints; the scratch table is dropped afterwards. The comparison runs holding the
 * projection's lock, so that the live table does not move while it is read: the projector pauses
 * for that long. A live row behind the log (the projector has not applied the latest events yet)
 * shows as a difference, with the checkpoint difference that explains it.
 */
export async function verifyProjection(
  dataSource: DataSource,
  store: PostgresEventStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<ProjectionComparison> {
  const started = Date.now();
  const scratch = new RebuildTable(dataSource, store, projection, 'verify', options);
  await scratch.create();
  try {
    await scratch.catchUp();
    return await dataSource.transaction(async (manager) => {
      await holdProjectionExclusive(manager, projection.name);
      await scratch.catchUp(manager);
      const comparison = await scratch.compare(manager);
      return { ...comparison, durationMs: Date.now() - started };
    });
  } finally {
    await scratch.drop();
  }
}

/** A copy of a projection's table (and its checkpoints) built from the log. */
class RebuildTable {
  readonly table: string;
  private readonly checkpoints: string;
  private readonly batchSize: number;
  /** The live table's indexes the fresh one is filled without, each made once it is filled. */
  private deferred: string[] = [];
  events = 0;
  checkpoint: LogCheckpoint = LOG_START;
  private total = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly projection: Projection,
    purpose: 'rebuild' | 'verify',
    private readonly options: RebuildOptions,
  ) {
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    this.table = sqlIdentifier(`${projection.table}__${purpose}_${stamp}`);
    this.checkpoints = sqlIdentifier(`${this.table}_cp`);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
  }

  async create(): Promise<void> {
    const live = sqlIdentifier(this.projection.table);
    await this.dataSource.query(`CREATE TABLE ${this.table} (LIKE ${live} INCLUDING ALL)`);
    await this.deferIndexes();
    await this.dataSource.query(
      `CREATE TABLE ${this.checkpoints} (LIKE projection_checkpoints INCLUDING ALL)`,
    );
    await gatherLogStatisticsIfNone(this.dataSource);
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    this.total = n;
  }

  /**
   * Drops the fresh table's indexes that neither keep a row unique nor serve applyBatch's reads
   * (Projection.readsBy), to be made once the bulk of the log is in (buildDeferredIndexes): an
   * entry per row in each of them, batch after batch, costs more than one sort each at the end.
   * A projection that names no readsBy keeps them all. A verification never makes them: it only
   * compares rows.
   */
  private async deferIndexes(): Promise<void> {
    const readsBy = this.projection.readsBy;
    if (!readsBy) return;
    const live = await indexesOf(this.dataSource.manager, sqlIdentifier(this.projection.table));
    const deferrable = live
      .filter((i) => !i.unique && !readsBy.includes(i.name))
      .map((i) => i.shape);
    for (const index of await indexesOf(this.dataSource.manager, this.table)) {
      const at = deferrable.indexOf(index.shape);
      if (index.unique || at < 0) continue;
      deferrable.splice(at, 1);
      await this.dataSource.query(`DROP INDEX ${sqlIdentifier(index.name)}`);
      this.deferred.push(index.shape);
    }
  }

  /** Makes the indexes deferIndexes dropped, with the live table's definitions. */
  async buildDeferredIndexes(): Promise<void> {
    for (const shape of this.deferred) {
      await this.dataSource.query(
        shape.replace(/^CREATE INDEX ON t /, `CREATE INDEX ON ${this.table} `),
      );
    }
    this.deferred = [];
  }

  async drop(): Promise<void> {
    await this.dataSource.query(`DROP TABLE IF EXISTS ${this.table}`);
    await this.dataSource.query(`DROP TABLE IF EXISTS ${this.checkpoints}`);
  }

  /**
   * Applies everything committed after the rebuild's checkpoint, in commit order, a batch per
   * transaction (or all inside the caller's transaction).
   */
  async catchUp(manager?: EntityManager): Promise<void> {
    const read = (after: LogCheckpoint) => {
      const page = this.store.readAllAfter(after, this.batchSize, manager);
      page.catch(() => undefined); // awaited below; not unhandled if applying fails first
      return page;
    };
    let next = read(this.checkpoint);
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      const upTo = checkpointOf(batch[batch.length - 1]);
      // Outside the caller's one transaction, the next page is read while this one is applied.
      // The applying transaction may hold that read's horizon back: a short or empty page only
      // leaves more to the next catch-up, never skips an event.
      if (!manager) next = read(upTo);
      const envelopes = batch.map(envelopeOf);
      const target = { table: this.table, checkpoints: this.checkpoints };
      const apply = (m: EntityManager) => applyBatch(m, this.projection, envelopes, target);
      await (manager ? apply(manager) : this.dataSource.transaction(apply));
      if (manager) next = read(upTo);
      this.checkpoint = upTo;
      this.events += batch.length;
      this.total = Math.max(this.total, this.events);
      this.options.onProgress?.(this.events, this.total);
    }
  }

  /**
   * Replaces the live table with this one, giving its indexes the live indexes' names, and the
   * projection's checkpoints with the rebuild's. Runs inside the caller's transaction.
   */
  async swapIn(manager: EntityManager): Promise<void> {
    const live = sqlIdentifier(this.projection.table);
    const liveIndexes = await indexesOf(manager, live);
    const freshIndexes = await indexesOf(manager, this.table);
    await manager.query(`DROP TABLE ${live}`);
    const unclaimed = [...liveIndexes];
    for (const index of freshIndexes) {
      const match = unclaimed.findIndex((l) => l.shape === index.shape);
      if (match < 0) continue;
      const [{ name }] = unclaimed.splice(match, 1);
      await manager.query(
        `ALTER INDEX ${sqlIdentifier(index.name)} RENAME TO ${sqlIdentifier(name)}`,
      );
    }
    await manager.query(`ALTER TABLE ${this.table} RENAME TO ${live}`);
    await manager.query(`DELETE FROM projection_checkpoints WHERE projection = $1`, [
      this.projection.name,
    ]);
    await manager.query(
      `INSERT INTO projection_checkpoints (projection, stream_id, version)
       SELECT projection, stream_id, version FROM ${this.checkpoints}`,
    );
    await manager.query(`DROP TABLE ${this.checkpoints}`);
  }

  async compare(manager: EntityManager): Promise<Omit<ProjectionComparison, 'durationMs'>> {
    const live = sqlIdentifier(this.projection.table);
    const key = sqlIdentifier(this.projection.key);
    const differing = `
      FROM (SELECT ${key} AS k, to_jsonb(t) AS row FROM ${live} t) l
      FULL JOIN (SELECT ${key} AS k, to_jsonb(t) AS row FROM ${this.table} t) r ON l.k = r.k
      WHERE l.row IS DISTINCT FROM r.row`;
    const [{ n: differenceCount }] = await manager.query(`SELECT count(*)::int AS n ${differing}`);
    const rows: {
      key: string;
      live: Record<string, unknown> | null;
      rebuilt: Record<string, unknown> | null;
    }[] = await manager.query(
      `SELECT coalesce(l.k, r.k)::text AS key, l.row AS live, r.row AS rebuilt ${differing}
       ORDER BY coalesce(l.k, r.k) LIMIT $1`,
      [MAX_REPORTED],
    );
    const checkpointsDiffering = `
      FROM (SELECT stream_id, version FROM projection_checkpoints WHERE projection = $1) l
      FULL JOIN (SELECT stream_id, version FROM ${this.checkpoints}) r ON l.stream_id = r.stream_id
      WHERE l.version IS DISTINCT FROM r.version`;
    const [{ n: checkpointDifferenceCount }] = await manager.query(
      `SELECT count(*)::int AS n ${checkpointsDiffering}`,
      [this.projection.name],
    );
    const checkpoints: { stream_id: string; live: number | null; rebuilt: number | null }[] =
      await manager.query(
        `SELECT coalesce(l.stream_id, r.stream_id) AS stream_id, l.version AS live,
                r.version AS rebuilt ${checkpointsDiffering}
         ORDER BY 1 LIMIT $2`,
        [this.projection.name, MAX_REPORTED],
      );
    const [{ live: liveRows, rebuilt: rebuiltRows }] = await manager.query(
      `SELECT (SELECT count(*)::int FROM ${live}) AS live,
              (SELECT count(*)::int FROM ${this.table}) AS rebuilt`,
    );
    return {
      projection: this.projection.name,
      identical: differenceCount === 0 && checkpointDifferenceCount === 0,
      events: this.events,
      liveRows,
      rebuiltRows,
      differenceCount,
      differences: rows.map(differenceOf),
      checkpointDifferenceCount,
      checkpointDifferences: checkpoints.map((c) => ({
        streamId: c.stream_id,
        live: c.live,
        rebuilt: c.rebuilt,
      })),
    };
  }
}

function differenceOf(row: {
  key: string;
  live: Record<string, unknown> | null;
  rebuilt: Record<string, unknown> | null;
}): RowDifference {
  if (!row.live) return { ...row, kind: 'MISSING_IN_LIVE', columns: [] };
  if (!row.rebuilt) return { ...row, kind: 'NOT_IN_LOG', columns: [] };
  const { live, rebuilt } = row;
  const columns = [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])].filter(
    (column) => canonicalJson(live[column] ?? null) !== canonicalJson(rebuilt[column] ?? null),
  );
  return { ...row, kind: 'DIFFERENT', columns };
}

/** A table's indexes, each with its definition stripped of its own and its table's name. */
async function indexesOf(
  manager: EntityManager,
  table: string,
): Promise<{ name: string; shape: string; unique: boolean }[]> {
  const rows: { name: string; definition: string; unique: boolean }[] = await manager.query(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS unique
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return rows.map((r) => ({
    name: r.name,
    unique: r.unique,
    shape: r.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, 'CREATE $1INDEX ON t '),
  }));
}

/**
 * Gathers the log's planner statistics if it has never had any (autovacuum off, as on the
 * development server, or not yet come round after a bulk load). Without them a process's first
 * executions of the prepared page on each connection, planned with its values, scan every event
 * after the checkpoint and sort them all (the first page of 50,000 events: 500–660 ms, a 28 MB
 * sort on disk) instead of walking the commit-order index to the page's end (52–67 ms).
 * Statistics that exist but are old are left alone: the plan needs the index's correlation with
 * the table's order and roughly its size, not their precision.
 */
async function gatherLogStatisticsIfNone(dataSource: DataSource): Promise<void> {
  const [{ missing }] = await dataSource.query(
    `SELECT NOT EXISTS (SELECT FROM pg_stats WHERE schemaname = current_schema()
       AND tablename = 'events' AND attname = 'transaction_id') AS missing`,
  );
  if (missing) await dataSource.query(`ANALYZE events`);
}
