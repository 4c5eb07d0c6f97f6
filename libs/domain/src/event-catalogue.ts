import type { IncidentEvent } from './incident/incident.events';
import type { RiskEvent } from './risk/risk.events';

/** Every domain event, by its stable type name. */
export type DomainEvent = RiskEvent | IncidentEvent;
export type DomainEventType = DomainEvent['type'];

/** The kinds of stream; each is its own Kafka topic and its own column value in the store. */
export const STREAM_TYPES = ['risk', 'incident'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

/**
 * The public catalogue: each event type's stream type and current schema version. This string
 * name, not a class name, is the store's type column and the Kafka header.
 */
export const EVENT_CATALOGUE: Readonly<
  Record<DomainEventType, { streamType: StreamType; schemaVersion: number }>
> = {
  RiskIdentified: { streamType: 'risk', schemaVersion: 1 },
  RiskAssessed: { streamType: 'risk', schemaVersion: 1 },
  MitigationPlanned: { streamType: 'risk', schemaVersion: 1 },
  MitigationApplied: { streamType: 'risk', schemaVersion: 1 },
  IncidentReported: { streamType: 'incident', schemaVersion: 2 },
};

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}
