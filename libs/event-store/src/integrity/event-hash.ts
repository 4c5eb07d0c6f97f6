import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { jsonbText } from './jsonb-text';

/** What an event's hash covers: every column of its row except the transaction id. */
export interface HashedEvent {
  position: number;
  eventId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  /** The recorded time to the microsecond, as PostgreSQL keeps it: `2026-11-23T09:05:00.123000Z`. */
  recordedAt: string;
  /**
   * Which form of the event was hashed: 1 (absent: events appended before PostgreSQL computed
   * hashes), canonical JSON computed in Node; 2, jsonb's text form computed by PostgreSQL at
   * append time (append_events, migration 1732300015000).
   */
  hashVersion?: number;
}

/** One event as a seal lists it, in commit order. */
export interface SealedEvent {
  position: number;
  transactionId: string;
  hash: string;
}

export interface SealContent {
  sealNo: number;
  /** The hash of the seal before, or null for the first seal. */
  previousHash: string | null;
  events: readonly SealedEvent[];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The hash that chains an event to the one before it in its stream (null for a stream's first
 * event). Editing any column, moving the event to another position or unlinking it from its
 * predecessor changes it. The transaction id is left out: commit order is what seals record.
 */
export function eventHash(event: HashedEvent, previousHash: string | null): string {
  const hashed = {
    previousHash,
    position: event.position,
    eventId: event.eventId,
    streamId: event.streamId,
    streamType: event.streamType,
    streamVersion: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
  };
  return (event.hashVersion ?? 1) === 2
    ? sha256Hex(jsonbText({ scheme: 'riskledger.event.v2', ...hashed }))
    : sha256Hex(canonicalJson({ scheme: 'riskledger.event.v1', ...hashed }));
}

/**
 * The hash of a seal: it chains the previous seal with every event sealed, in commit order, each
 * by its position, transaction and hash. Deleting, inserting or reordering sealed events, or
 * editing an earlier seal, changes it.
 */
export function sealHash(seal: SealContent): string {
  return sha256Hex(
    canonicalJson({
      scheme: 'riskledger.seal.v1',
      sealNo: seal.sealNo,
      previousHash: seal.previousHash,
      events: seal.events.map((e) => [e.position, e.transactionId, e.hash]),
    }),
  );
}

/** A JavaScript time (millisecond precision) as PostgreSQL's timestamptz gives it to a hash. */
export function microsecondIso(time: Date): string {
  return time.toISOString().replace(/Z$/, '000Z');
}
