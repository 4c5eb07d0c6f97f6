import { EVENT_CATALOGUE, isDomainEventType, type DomainEvent } from '@riskledger/domain';
import { EventValidator } from './event-validator';
import { upcast } from './upcasters';

/** Who did it and in what context: kept on every event so that it can be investigated afterwards. */
export interface EventMetadata {
  /** The person or system that caused the event: the token's subject, stable over name changes. */
  actor: string;
  /** The actor's display name when the event was recorded (absent before sign-in existed). */
  actorName?: string;
  /**
   * RESTRICTED on every event of a protective-security (säkerhetsskydd) stream: such events travel
   * only on the restricted topic, never on the topics integrations read.
   */
  classification?: 'RESTRICTED';
  /** Groups every event that stems from one original request or incident. */
  correlationId: string;
  /** The command or event that directly caused this one. */
  causationId: string | null;
  /** Why, in the actor's words, when they gave a reason. */
  reason: string | null;
  /**
   * The spreadsheet row a bulk import made the event from: the file's SHA-256 (hex) and the row
   * number as the spreadsheet shows it, so an investigator can find the line the data came from.
   */
  importedFrom?: ImportedFrom;
}

export interface ImportedFrom {
  fileSha256: string;
  row: number;
}

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

/** An event as a store records it: what the envelope is made of. */
export interface RecordedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamType: string;
  streamId: string;
  streamVersion: number;
  position: number;
  recordedAt: Date;
  metadata: EventMetadata;
  data: unknown;
}

export function envelopeOf(event: RecordedEvent): EventEnvelope {
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

/** An event that claims a type of the catalogue but does not keep to its published schema. */
export class EventContractError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly problems: readonly string[],
  ) {
    super(`${type} v${schemaVersion} does not match its JSON Schema: ${problems.join('; ')}`);
    this.name = 'EventContractError';
  }
}

let validator: EventValidator | undefined;
let shapeValidator: EventValidator | undefined;

/** What is wrong with an event's data against the published schema of its version; [] if nothing. */
export function contractProblems(event: {
  type: string;
  schemaVersion: number;
  data: unknown;
}): string[] {
  validator ??= new EventValidator();
  return validator.problems(event.type, event.schemaVersion, event.data);
}

/**
 * The event is of a catalogue type and its data has the shape of that type's schema of today
 * (string formats were checked where the event entered: the command, or the Kafka edge).
 */
function keepsToContract(event: { type: string; data: unknown }): event is DomainEvent {
  if (!isDomainEventType(event.type)) return false;
  shapeValidator ??= new EventValidator({ shapeOnly: true });
  const version = EVENT_CATALOGUE[event.type].schemaVersion;
  return shapeValidator.problems(event.type, version, event.data).length === 0;
}

/**
 * The domain event a stored or received event carries, upcast to today's schema (a no-op for what
 * the store read, which upcasts itself) and checked against it; null for a type this version does not know (a newer producer's event), which readers
 * skip rather than misread. An event of a known type that breaks its schema is refused.
 */
export function domainEventOf(event: {
  type: string;
  schemaVersion: number;
  data: unknown;
}): DomainEvent | null {
  if (!isDomainEventType(event.type)) return null;
  const current = upcast(event);
  const candidate = { type: current.type, data: current.data };
  if (keepsToContract(candidate)) return candidate;
  const problems = shapeValidator!.problems(current.type, current.schemaVersion, current.data);
  throw new EventContractError(current.type, current.schemaVersion, problems);
}
