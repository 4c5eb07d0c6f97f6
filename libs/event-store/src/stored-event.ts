import type { EventMetadata } from '@riskledger/contracts';

export type { EventMetadata };

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
