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
}

export interface NewEvent {
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
}

/** An event as the store holds it. Positions are global and follow commit order when read with readAllAfter. */
export interface StoredEvent {
  eventId: string;
  position: number;
  /** The PostgreSQL transaction that appended the event (xid8, as a decimal string). */
  transactionId: string;
  streamId: string;
  streamType: string;
  /** 1-based, gapless within a stream. */
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: Date;
  /**
   * SHA-256 (hex) chaining the event to the one before it in its stream, computed at append time;
   * see integrity/event-hash.ts.
   */
  hash: string;
}

/** Where a reader of the whole log has got to: the last (transaction id, position) pair it read. */
export interface LogCheckpoint {
  transactionId: string;
  position: number;
}

export const LOG_START: LogCheckpoint = { transactionId: '0', position: 0 };

export function checkpointOf(event: StoredEvent): LogCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}
