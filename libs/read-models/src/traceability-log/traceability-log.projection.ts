import type { EventEnvelope } from '@riskledger/messaging';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../projection';
import { traceabilityEntryOf } from './traceability-entry';

/** The traceability log: one entry per event, of every stream type. */
export class TraceabilityLogProjection implements Projection {
  readonly name = 'traceability-log';
  readonly streamTypes = ['risk', 'incident'];

  async apply(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    const e = traceabilityEntryOf(envelope);
    await manager.query(
      `INSERT INTO traceability_log (position, event_id, stream_type, stream_id, stream_version,
         event_type, recorded_at, actor, reason, correlation_id, causation_id, summary, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        e.position,
        e.eventId,
        e.streamType,
        e.streamId,
        e.streamVersion,
        e.eventType,
        e.recordedAt,
        e.actor,
        e.reason,
        e.correlationId,
        e.causationId,
        e.summary,
        JSON.stringify(e.data),
      ],
    );
  }
}
