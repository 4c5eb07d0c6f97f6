import type { DataSource } from 'typeorm';
import { HASHED_EVENT_COLUMNS, toStoredEvent, type HashedEventRow } from '../event-row';
import type { StoredEvent } from '../stored-event';
import { eventHash } from './event-hash';

/**
 * An event as a case file carries it: with what is needed to check its hash without the database
 * (the recorded time to the microsecond and the hash of the event before it in its stream).
 */
export interface CaseEvent extends StoredEvent {
  recordedAtExact: string;
  previousHash: string | null;
  /** Which form of the event its hash covers (see HashedEvent.hashVersion). */
  hashVersion: number;
}

const CASE_COLUMNS = `${HASHED_EVENT_COLUMNS},
  (SELECT p.hash FROM events p
   WHERE p.stream_id = events.stream_id AND p.stream_version = events.stream_version - 1)
  AS previous_hash`;

type CaseRow = HashedEventRow & { previous_hash: string | null };

function caseEventOf(row: CaseRow): CaseEvent {
  return {
    ...toStoredEvent(row),
    recordedAtExact: row.recorded_at_exact,
    previousHash: row.previous_hash,
    hashVersion: row.hash_version,
  };
}

/** Whether an exported event's hash still follows from its own fields and its predecessor's hash. */
export function caseEventHashHolds(event: CaseEvent): boolean {
  return (
    eventHash({ ...event, recordedAt: event.recordedAtExact }, event.previousHash) === event.hash
  );
}

/** Reads of the store for investigators' case files. */
export class CaseEvents {
  constructor(private readonly dataSource: DataSource) {}

  async ofStream(streamId: string): Promise<CaseEvent[]> {
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(caseEventOf);
  }

  async withIds(eventIds: readonly string[]): Promise<CaseEvent[]> {
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY position`,
      [eventIds],
    );
    return rows.map(caseEventOf);
  }

  /** Events recorded in [from, to), a page at a time in position order. */
  async recordedBetween(
    from: Date,
    to: Date,
    afterPosition: number,
    limit: number,
  ): Promise<CaseEvent[]> {
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM events
       WHERE recorded_at >= $1 AND recorded_at < $2 AND position > $3
       ORDER BY position LIMIT $4`,
      [from, to, afterPosition, limit],
    );
    return rows.map(caseEventOf);
  }

  async countRecordedBetween(from: Date, to: Date): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE recorded_at >= $1 AND recorded_at < $2`,
      [from, to],
    );
    return n;
  }
}
