import type { StoredEvent } from './stored-event';

/** An events row as PostgreSQL returns it (bigint and xid8 as text). */
export interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: StoredEvent['metadata'];
  recorded_at: Date;
  hash: string;
}

/** A row with what its hash covers: recorded_at to the microsecond. */
export interface HashedEventRow extends EventRow {
  recorded_at_exact: string;
  hash_version: number;
}

/** The recorded time to the microsecond, in UTC: a JavaScript Date would keep milliseconds only. */
export const RECORDED_AT_EXACT = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const EVENT_COLUMNS = `position, transaction_id::text AS transaction_id, event_id, stream_id,
  stream_type, stream_version, event_type, schema_version, data, metadata, recorded_at, hash`;

/** The columns of a row and the exact recorded time, to check the row's hash. */
export const HASHED_EVENT_COLUMNS = `${EVENT_COLUMNS}, ${RECORDED_AT_EXACT} AS recorded_at_exact,
  hash_version`;

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    position: Number(row.position),
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
  };
}

/** The fields of a row its hash covers. */
export function hashedFieldsOf(row: HashedEventRow) {
  return {
    position: Number(row.position),
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.stream_version,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at_exact,
    hashVersion: row.hash_version,
  };
}
