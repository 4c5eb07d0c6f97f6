import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import { holdProjectionShared, type Projection } from '../projection';

/**
 * Applies events to a projection inside the caller's transaction, with the same per-stream
 * checkpoint as `project`: the writer that appends reference data updates its read model in the
 * same commit, so a command that follows reads what was just written. When the projector later
 * receives the same events from Kafka, the checkpoint makes them duplicates that change nothing.
 */
export async function projectInTransaction(
  manager: EntityManager,
  projection: Projection,
  envelopes: readonly EventEnvelope[],
): Promise<void> {
  const followed = envelopes.filter((e) => projection.streamTypes.includes(e.streamType));
  if (followed.length === 0) return;
  await holdProjectionShared(manager, projection.name);
  for (const envelope of followed) {
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
    if (envelope.streamVersion <= checkpoint.version) continue;
    if (envelope.streamVersion > checkpoint.version + 1) {
      // The events were appended in this transaction, so the read model must be right behind them.
      throw new Error(
        `${projection.name} is at version ${checkpoint.version} of ${envelope.streamId}, ` +
          `cannot apply version ${envelope.streamVersion}`,
      );
    }
    await projection.applyBatch(manager, projection.table, [envelope]);
    await manager.query(
      `UPDATE projection_checkpoints SET version = $3 WHERE projection = $1 AND stream_id = $2`,
      [projection.name, envelope.streamId, envelope.streamVersion],
    );
  }
}
