import type { DataSource } from 'typeorm';
import { commitOrderPage, commitOrderParameters } from '../commit-order';
import { LOG_START, type LogCheckpoint } from '../stored-event';
import { sealHash, type SealedEvent } from './event-hash';

/** One seal: the root of the log in commit order up to a checkpoint, chained to the seal before. */
export interface LogSeal {
  sealNo: number;
  previousHash: string | null;
  upTo: LogCheckpoint;
  eventCount: number;
  hash: string;
  sealedAt: string;
}

export interface SealRow {
  seal_no: string;
  previous_hash: string | null;
  up_to_transaction_id: string;
  up_to_position: string;
  event_count: number;
  hash: string;
  sealed_at: Date;
}

export const SEAL_COLUMNS = `seal_no, previous_hash, up_to_transaction_id::text AS up_to_transaction_id,
  up_to_position, event_count, hash, sealed_at`;

export function sealOf(row: SealRow): LogSeal {
  return {
    sealNo: Number(row.seal_no),
    previousHash: row.previous_hash,
    upTo: { transactionId: row.up_to_transaction_id, position: Number(row.up_to_position) },
    eventCount: row.event_count,
    hash: row.hash,
    sealedAt: row.sealed_at.toISOString(),
  };
}

const DEFAULT_EVENTS_PER_SEAL = 1000;
const MAX_CONFLICTS = 5;

/**
 * Seals the log: each seal lists the events committed since the previous seal (position,
 * transaction, hash, in commit order) and chains them to the previous seal's hash. A stream's own
 * hash chain cannot show that its last event, or the whole stream, was deleted, nor that events of
 * different streams were reordered; a seal can. Appends never wait for a seal: sealing follows the
 * log the way the relay does (readAllAfter's rule), so it never seals past a transaction that may
 * still commit earlier rows. Concurrent sealers are safe: the seal number is the primary key and the
 * loser reads the new head and goes on from there.
 */
export class LogSealer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventsPerSeal = DEFAULT_EVENTS_PER_SEAL,
  ) {}

  async head(): Promise<LogSeal | null> {
    const [row]: SealRow[] = await this.dataSource.query(
      `SELECT ${SEAL_COLUMNS} FROM log_seals ORDER BY seal_no DESC LIMIT 1`,
    );
    return row ? sealOf(row) : null;
  }

  /** Seals everything committed since the last seal; returns the seals written. */
  async sealPending(): Promise<LogSeal[]> {
    const written: LogSeal[] = [];
    let conflicts = 0;
    for (;;) {
      const outcome = await this.sealNext();
      if (outcome === null) return written;
      if (outcome === 'conflict') {
        if (++conflicts > MAX_CONFLICTS) return written;
        continue;
      }
      written.push(outcome);
    }
  }

  private async sealNext(): Promise<LogSeal | null | 'conflict'> {
    const head = await this.head();
    const after = head?.upTo ?? LOG_START;
    const rows: { position: string; transaction_id: string; hash: string }[] =
      await this.dataSource.query(
        commitOrderPage('position, transaction_id::text AS transaction_id, hash', {
          settledOnly: true,
        }),
        commitOrderParameters(after, this.eventsPerSeal),
      );
    if (rows.length === 0) return null;
    const events: SealedEvent[] = rows.map((r) => ({
      position: Number(r.position),
      transactionId: r.transaction_id,
      hash: r.hash,
    }));
    const sealNo = (head?.sealNo ?? 0) + 1;
    const previousHash = head?.hash ?? null;
    const hash = sealHash({ sealNo, previousHash, events });
    const last = events[events.length - 1];
    const [inserted]: SealRow[] = await this.dataSource.query(
      `INSERT INTO log_seals (seal_no, previous_hash, up_to_transaction_id, up_to_position,
                             event_count, positions, transaction_ids, event_hashes, hash)
       VALUES ($1, $2, $3::xid8, $4, $5, $6::bigint[], $7::xid8[], $8::text[], $9)
       ON CONFLICT (seal_no) DO NOTHING
       RETURNING ${SEAL_COLUMNS}`,
      [
        sealNo,
        previousHash,
        last.transactionId,
        last.position,
        events.length,
        events.map((e) => e.position),
        events.map((e) => e.transactionId),
        events.map((e) => e.hash),
        hash,
      ],
    );
    return inserted ? sealOf(inserted) : 'conflict';
  }
}
