import { type EventEnvelope } from '@riskledger/contracts';
import type { EntityManager } from 'typeorm';
import { applyBatch, type Projection } from '../projection';

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
  const outcomes = await applyBatch(manager, projection, envelopes);
  const gap = envelopes.find((_, i) => outcomes[i] === 'gap');
  if (gap) {
    // The events were appended in this transaction, so the read model must be right behind them.
    throw new Error(
      `${projection.name} is behind ${gap.streamId}, cannot apply version ${gap.streamVersion}`,
    );
  }
}
