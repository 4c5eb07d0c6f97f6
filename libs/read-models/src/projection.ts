import type { DataSource, EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import { announcementsOf, READ_MODEL_CHANGES_CHANNEL } from './live/read-model-changes';
import { sqlIdentifier } from './sql-identifier';

/** A read model fed by events: `applyBatch` runs inside the transaction that also moves its checkpoint. */
export interface Projection {
  readonly name: string;
  readonly streamTypes: readonly string[];
  /** The table the read model lives in; a rebuild fills a fresh copy of it and swaps it in. */
  readonly table: string;
  /** The column that identifies a row, to compare a rebuild with the live table row by row. */
  readonly key: string;
  /**
   * Applies events, in log order and each at most once, to the read model held in `table` (the
   * live one, or a rebuild's copy). The live projector calls it with one event and the live table,
   * so that live and rebuilt read models are computed the same way.
   */
  applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void>;
  /**
   * The records the event may change that another stream's events change too (a risk's entry,
   * which incident events link). The live projector locks them for its transaction, so that
   * batches of two partitions, or of two projector instances, never read and write one record at
   * once. Without it, a projection writes only the records of the event's own stream.
   */
  sharedRecordsOf?(envelope: EventEnvelope): readonly string[];
  /**
   * The live table's indexes (by name), besides its unique ones, that `applyBatch` reads by. A
   * rebuild fills its fresh table with only these and the unique ones, and builds the others
   * once it has the bulk of the log: one sort each instead of an update per row.
   */
  readonly readsBy?: readonly string[];
}

export async function holdProjectionExclusive(manager: EntityManager, name: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
    PROJECTION_LOCK_SPACE,
    name,
  ]);
}

/** The first key of the two-key advisory locks of projections (any fixed 32-bit number). */
const PROJECTION_LOCK_SPACE = 733_001;
/** The first key of the locks of records that several streams change (sharedRecordsOf). */
const RECORD_LOCK_SPACE = 733_002;

/**
 * A live apply's locks, taken for the transaction ahead of its checkpoints (a CTE of the statement
 * that reads them): its projections' locks shared, so that a rebuild can take one exclusively for
 * the moment it swaps its table in (no event is applied to the table being replaced meanwhile);
 * then the records, in the order of their keys, so that two transactions wanting some of the same
 * records cannot deadlock on them. Parameters $3 and $4: the projections' names and the records.
 */
const LOCKS = `locks AS MATERIALIZED (
     SELECT pg_advisory_xact_lock_shared(${PROJECTION_LOCK_SPACE}, hashtext(name)) FROM unnest($3::text[]) AS name
     UNION ALL
     SELECT pg_advisory_xact_lock(${RECORD_LOCK_SPACE}, key)
     FROM (SELECT DISTINCT hashtext(record) AS key FROM unnest($4::text[]) AS record
           ORDER BY key) AS keys)`;

/**
 * `gap`: the event is more than one version ahead of what the projection applied, so an earlier
 * event of its stream has not been applied (it was set aside as a dead letter). Applying this one
 * would build the read model on a hole; it is left unapplied instead, until the missing one is.
 */
export type ProjectionOutcome = 'applied' | 'duplicate' | 'ignored' | 'gap';

/**
 * Applies one event to one projection exactly once in effect (see projectBatch).
 */
export async function project(
  dataSource: DataSource,
  projection: Projection,
  envelope: EventEnvelope,
): Promise<ProjectionOutcome> {
  const [outcome] = await projectBatch(dataSource, projection, [envelope]);
  return outcome;
}

/**
 * Applies events, in the order given, to one projection exactly once in effect, in one
 * transaction: the read model change and the projection's stream checkpoints commit together,
 * and an event at or below its stream's checkpoint (a redelivery, or a relay duplicate) changes
 * nothing. Each stream's events are applied in version order with none skipped: an event past a
 * hole in its stream is left unapplied (`gap`), and so is every later one of that stream.
 * Returns each event's outcome, in the order given.
 */
export function projectBatch(
  dataSource: DataSource,
  projection: Projection,
  envelopes: readonly EventEnvelope[],
): Promise<ProjectionOutcome[]> {
  if (!envelopes.some((e) => projection.streamTypes.includes(e.streamType))) {
    return Promise.resolve(envelopes.map(() => 'ignored'));
  }
  return dataSource.transaction(async (manager) => {
    const target = { projection, table: projection.table };
    const [outcomes] = await applyToTargets(manager, [target], LIVE_CHECKPOINTS, envelopes, true);
    return outcomes;
  });
}

/**
 * Applies events to several projections in one transaction, each exactly once in effect as with
 * projectBatch: one commit for the batch instead of one per projection, which under a steady trickle
 * of small batches was most of the projector's cost. If any projection finds a gap, nothing of the
 * batch is applied (all roll back together); the outcomes, per projection name, say where.
 */
export async function projectBatchToAll(
  dataSource: DataSource,
  projections: readonly Projection[],
  envelopes: readonly EventEnvelope[],
): Promise<Map<string, ProjectionOutcome[]>> {
  const outcomes = new Map(
    projections.map((p): [string, ProjectionOutcome[]] => [p.name, envelopes.map(() => 'ignored')]),
  );
  const followed = projections.filter((p) =>
    envelopes.some((e) => p.streamTypes.includes(e.streamType)),
  );
  if (followed.length === 0) return outcomes;
  try {
    await dataSource.transaction(async (manager) => {
      const applied = await applyToTargets(
        manager,
        followed.map((projection) => ({ projection, table: projection.table })),
        LIVE_CHECKPOINTS,
        envelopes,
        true,
      );
      followed.forEach((projection, i) => outcomes.set(projection.name, applied[i]));
      // What it announced is told only if the transaction commits.
      if (applied.some((o) => o.includes('gap'))) throw new GapFound();
    });
  } catch (error) {
    if (!(error instanceof GapFound)) throw error;
  }
  return outcomes;
}

/** The envelopes some projection applied (the live paths announce them; a rebuild does not). */
function appliedIn(
  envelopes: readonly EventEnvelope[],
  outcomes: readonly ProjectionOutcome[][],
): EventEnvelope[] {
  return envelopes.filter((_, i) => outcomes.some((o) => o[i] === 'applied'));
}

/** Rolls back a batch in which a projection found a gap. */
class GapFound extends Error {}

/** Where a batch is applied: the live table and checkpoints, or a rebuild's copies of them. */
export interface ProjectionTarget {
  table: string;
  /** A table shaped as projection_checkpoints (projection, stream_id, version). */
  checkpoints: string;
}

const LIVE_CHECKPOINTS = 'projection_checkpoints';

/**
 * The one way events reach a read model, live or rebuilt, inside the caller's transaction: the
 * checkpoint of every stream is locked, duplicates and gaps are told apart from the next version,
 * the next versions are applied with `applyBatch` and the checkpoints moved, all in one commit.
 */
export async function applyBatch(
  manager: EntityManager,
  projection: Projection,
  envelopes: readonly EventEnvelope[],
  target: ProjectionTarget = { table: projection.table, checkpoints: LIVE_CHECKPOINTS },
): Promise<ProjectionOutcome[]> {
  const [outcomes] = await applyToTargets(
    manager,
    [{ projection, table: target.table }],
    target.checkpoints,
    envelopes,
  );
  return outcomes;
}

/**
 * applyBatch for several projections whose checkpoints share one table: each step is one
 * statement for all of them, not one per projection: the locks with the checkpoints' read, and the
 * checkpoints' move with the announcement of what changed (`announce`, the live paths; NOTIFY is
 * delivered only if the transaction commits). Returns each projection's outcomes, in the order of
 * `targets`.
 */
async function applyToTargets(
  manager: EntityManager,
  targets: readonly { projection: Projection; table: string }[],
  checkpointsTable: string,
  envelopes: readonly EventEnvelope[],
  announce = false,
): Promise<ProjectionOutcome[][]> {
  const followedBy = targets.map(({ projection }) =>
    envelopes.filter((e) => projection.streamTypes.includes(e.streamType)),
  );
  const outcomes = targets.map(() => envelopes.map((): ProjectionOutcome => 'ignored'));
  const active = targets.filter((_, i) => followedBy[i].length > 0);
  if (active.length === 0) return outcomes;
  const checkpoints = sqlIdentifier(checkpointsTable);
  // A rebuild holds its lock exclusively for its last catch-up; the live table's writers share it.
  // A rebuild's tables are its own: only the live ones are written from several partitions.
  const live = active.filter((t) => t.table === t.projection.table).map((t) => t.projection);
  const locks =
    live.length === 0
      ? null
      : [
          live.map((p) => p.name),
          [
            ...new Set(
              live.flatMap((p) =>
                envelopes
                  .filter((e) => p.streamTypes.includes(e.streamType))
                  .flatMap((e) => p.sharedRecordsOf?.(e) ?? []),
              ),
            ),
          ],
        ];
  // Sorted, so that two transactions lock the checkpoints they share in the same order.
  const wanted = targets
    .flatMap(({ projection }, i) =>
      [...new Set(followedBy[i].map((e) => e.streamId))].map((streamId) => ({
        projection: projection.name,
        streamId,
      })),
    )
    .sort((a, b) => compare(a.projection, b.projection) || compare(a.streamId, b.streamId));
  const projectionsOf = wanted.map((w) => w.projection);
  const streamsOf = wanted.map((w) => w.streamId);
  // One statement takes the live locks (an InitPlan, run before the first row is inserted), then
  // creates the missing checkpoints and locks and reads them all: ON CONFLICT DO UPDATE locks an
  // existing row, in the order given, and returns its latest committed version even when it was
  // committed after this statement began (a row another batch created meanwhile).
  const rows: { projection: string; stream_id: string; version: number }[] = await manager.query(
    `${locks ? `WITH ${LOCKS}` : ''}
     INSERT INTO ${checkpoints} AS cp (projection, stream_id, version)
     SELECT projection, stream_id, 0
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(projection, stream_id, n)
     ${locks ? 'WHERE (SELECT count(*) FROM locks) >= 0' : ''}
     ORDER BY n
     ON CONFLICT (projection, stream_id) DO UPDATE SET version = cp.version
     RETURNING cp.projection, cp.stream_id, cp.version`,
    [projectionsOf, streamsOf, ...(locks ?? [])],
  );
  const versions = new Map(rows.map((r) => [checkpointKey(r.projection, r.stream_id), r.version]));
  const moved = new Map<string, { projection: string; streamId: string }>();
  for (const [i, { projection, table }] of targets.entries()) {
    if (followedBy[i].length === 0) continue;
    const toApply: EventEnvelope[] = [];
    outcomes[i] = envelopes.map((envelope): ProjectionOutcome => {
      if (!projection.streamTypes.includes(envelope.streamType)) return 'ignored';
      const key = checkpointKey(projection.name, envelope.streamId);
      const version = versions.get(key)!;
      if (envelope.streamVersion <= version) return 'duplicate';
      if (envelope.streamVersion > version + 1) return 'gap';
      versions.set(key, envelope.streamVersion);
      moved.set(key, { projection: projection.name, streamId: envelope.streamId });
      toApply.push(envelope);
      return 'applied';
    });
    if (toApply.length > 0) await projection.applyBatch(manager, table, toApply);
  }
  if (moved.size === 0) return outcomes;
  const movedTo = [...moved.entries()];
  await manager.query(
    `WITH moved AS (
       UPDATE ${checkpoints} SET version = moved.version
       FROM unnest($1::text[], $2::text[], $3::int[]) AS moved(projection, stream_id, version)
       WHERE ${checkpoints}.projection = moved.projection
         AND ${checkpoints}.stream_id = moved.stream_id)
     SELECT pg_notify($4, payload) FROM unnest($5::text[]) AS payload`,
    [
      movedTo.map(([, m]) => m.projection),
      movedTo.map(([, m]) => m.streamId),
      movedTo.map(([key]) => versions.get(key)),
      READ_MODEL_CHANGES_CHANNEL,
      announce ? announcementsOf(appliedIn(envelopes, outcomes)) : [],
    ],
  );
  return outcomes;
}

const checkpointKey = (projection: string, streamId: string) => `${projection}\u0000${streamId}`;

/** One fixed order (UTF-16 code units, as Array.sort's default) in every transaction. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
