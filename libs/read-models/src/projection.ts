import type { EventEnvelope } from '@riskledger/messaging';
import type { DataSource, EntityManager } from 'typeorm';

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
 * Applies one event to one projection exactly once in effect: the read model change and the
 * projection's stream checkpoint commit together, and an event at or below the checkpoint (a
 * redelivery, or a relay duplicate) changes nothing. Each stream's events are applied in version
 * order, with none skipped.
 */
export async function project(
  dataSource: DataSource,
  projection: Projection,
  envelope: EventEnvelope,
): Promise<ProjectionOutcome> {
  if (!projection.streamTypes.includes(envelope.streamType)) return 'ignored';
  return dataSource.transaction(async (manager) => {
    await holdProjectionShared(manager, projection.name);
    await manager.query(
      `INSERT INTO projection_checkpoints (projection, stream_id, version) VALUES ($1, $2, 0)
       ON CONFLICT DO NOTHING`,
      [projection.name, envelope.streamId],
    );
    const [checkpoint] = await manager.query(
      `SELECT version FROM projection_checkpoints WHERE projection = $1 AND stream_id = $2
       FOR UPDATE`,
      [projection.name, envelope.streamId],
    );
    if (envelope.streamVersion <= checkpoint.version) return 'duplicate';
    if (envelope.streamVersion > checkpoint.version + 1) return 'gap';
    await projection.applyBatch(manager, projection.table, [envelope]);
    await manager.query(
      `UPDATE projection_checkpoints SET version = $3 WHERE projection = $1 AND stream_id = $2`,
      [projection.name, envelope.streamId, envelope.streamVersion],
    );
    return 'applied';
  });
}
