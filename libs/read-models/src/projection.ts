import type { EventEnvelope } from '@riskledger/messaging';
import type { DataSource, EntityManager } from 'typeorm';

/** A read model fed by events: `apply` runs inside the transaction that also moves its checkpoint. */
export interface Projection {
  readonly name: string;
  readonly streamTypes: readonly string[];
  apply(manager: EntityManager, envelope: EventEnvelope): Promise<void>;
}

export type ProjectionOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one event to one projection exactly once in effect: the read model change and the
 * projection's stream checkpoint commit together, and an event at or below the checkpoint (a
 * redelivery, or a relay duplicate) changes nothing.
 */
export async function project(
  dataSource: DataSource,
  projection: Projection,
  envelope: EventEnvelope,
): Promise<ProjectionOutcome> {
  if (!projection.streamTypes.includes(envelope.streamType)) return 'ignored';
  return dataSource.transaction(async (manager) => {
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
    await projection.apply(manager, envelope);
    await manager.query(
      `UPDATE projection_checkpoints SET version = $3 WHERE projection = $1 AND stream_id = $2`,
      [projection.name, envelope.streamId, envelope.streamVersion],
    );
    return 'applied';
  });
}
