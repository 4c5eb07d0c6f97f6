import type { DataSource, EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import { announceChanges } from './live/read-model-changes';
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
}

/**
 * Every apply holds this projection's lock shared, so that a rebuild can take it exclusively for
 * the moment it swaps its table in: no event is applied to the table being replaced meanwhile.
 */
export async function holdProjectionShared(manager: EntityManager, name: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock_shared($1, hashtext($2))`, [
    PROJECTION_LOCK_SPACE,
    name,
  ]);
}

export async function holdProjectionExclusive(manager: EntityManager, name: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [
    PROJECTION_LOCK_SPACE,
    name,
  ]);
}

/** The first key of the two-key advisory locks of projections (any fixed 32-bit number). */
const PROJECTION_LOCK_SPACE = 733_001;

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
    const outcomes = await applyBatch(manager, projection, envelopes);
    await announceChanges(manager, appliedIn(envelopes, [outcomes]));
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
      for (const projection of followed) {
        const applied = await applyBatch(manager, projection, envelopes);
        outcomes.set(projection.name, applied);
        if (applied.includes('gap')) throw new GapFound();
      }
      await announceChanges(manager, appliedIn(envelopes, [...outcomes.values()]));
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

/**
 * The one way events reach a read model, live or rebuilt, inside the caller's transaction: the
 * checkpoint of every stream is locked, duplicates and gaps are told apart from the next version,
 * the next versions are applied with `applyBatch` and the checkpoints moved, all in one commit.
 */
export async function applyBatch(
  manager: EntityManager,
  projection: Projection,
  envelopes: readonly EventEnvelope[],
  target: ProjectionTarget = { table: projection.table, checkpoints: 'projection_checkpoints' },
): Promise<ProjectionOutcome[]> {
  const followed = envelopes.filter((e) => projection.streamTypes.includes(e.streamType));
  if (followed.length === 0) return envelopes.map(() => 'ignored');
  const checkpoints = sqlIdentifier(target.checkpoints);
  // Sorted, so that two transactions lock the checkpoints they share in the same order.
  const streamIds = [...new Set(followed.map((e) => e.streamId))].sort();
  // A rebuild holds the lock exclusively for its last catch-up; the live table's writers share it.
  if (target.table === projection.table) await holdProjectionShared(manager, projection.name);
  await manager.query(
    `INSERT INTO ${checkpoints} (projection, stream_id, version)
     SELECT $1, stream_id, 0 FROM unnest($2::text[]) AS stream_id
     ON CONFLICT DO NOTHING`,
    [projection.name, streamIds],
  );
  const rows: { stream_id: string; version: number }[] = await manager.query(
    `SELECT stream_id, version FROM ${checkpoints}
     WHERE projection = $1 AND stream_id = ANY($2::text[])
     ORDER BY stream_id FOR UPDATE`,
    [projection.name, streamIds],
  );
  const versions = new Map(rows.map((r) => [r.stream_id, r.version]));
  const toApply: EventEnvelope[] = [];
  const outcomes = envelopes.map((envelope): ProjectionOutcome => {
    if (!projection.streamTypes.includes(envelope.streamType)) return 'ignored';
    const version = versions.get(envelope.streamId)!;
    if (envelope.streamVersion <= version) return 'duplicate';
    if (envelope.streamVersion > version + 1) return 'gap';
    versions.set(envelope.streamId, envelope.streamVersion);
    toApply.push(envelope);
    return 'applied';
  });
  if (toApply.length === 0) return outcomes;
  await projection.applyBatch(manager, target.table, toApply);
  const moved = [...new Set(toApply.map((e) => e.streamId))];
  await manager.query(
    `UPDATE ${checkpoints} SET version = moved.version
     FROM unnest($2::text[], $3::int[]) AS moved(stream_id, version)
     WHERE projection = $1 AND ${checkpoints}.stream_id = moved.stream_id`,
    [projection.name, moved, moved.map((id) => versions.get(id))],
  );
  return outcomes;
}
