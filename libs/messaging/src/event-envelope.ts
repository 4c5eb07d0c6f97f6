import { isDomainEventType, type DomainEvent } from '@riskledger/domain';
import type { EventMetadata, StoredEvent } from '@riskledger/event-store';

/**
 * The one envelope every event travels in, from the store through Kafka to projections and
 * integrations. `position` is the event's global position in the store; per stream, `streamVersion`
 * is gapless and ordered.
 */
export interface EventEnvelope {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamType: string;
  streamId: string;
  streamVersion: number;
  position: number;
  /** ISO 8601 time the store recorded the event. */
  recordedAt: string;
  metadata: EventMetadata;
  data: Record<string, unknown>;
  /**
   * The identity of the store that recorded it (CreateStoreIdentity), carried in the CloudEvents
   * source. Absent on events published before stores had one.
   */
  storeId?: string;
}

export function envelopeOf(event: StoredEvent): EventEnvelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamType: event.streamType,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    recordedAt: event.recordedAt.toISOString(),
    metadata: event.metadata,
    data: event.data as Record<string, unknown>,
  };
}

/**
 * The domain event an envelope carries, or null for a type this version does not know (a newer
 * producer's event), which readers skip rather than misread.
 */
export function domainEventOf(envelope: EventEnvelope): DomainEvent | null {
  if (!isDomainEventType(envelope.type)) return null;
  return { type: envelope.type, data: envelope.data } as DomainEvent;
}
