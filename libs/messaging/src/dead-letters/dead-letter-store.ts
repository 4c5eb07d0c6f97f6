import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DeadLetter, DeadLetterReason, RawHeaders } from './dead-letter';

/** A dead letter as operators see it, with what was done about it. */
export interface DeadLetterRecord extends DeadLetter {
  id: string;
  redriveCount: number;
  lastRedrivenAt: Date | null;
  lastRedrivenBy: string | null;
}

export interface DeadLetterFilter {
  /** Only those not re-driven yet. */
  pending?: boolean;
  limit: number;
}

interface DeadLetterRow {
  id: string;
  consumer_group: string;
  source_topic: string;
  source_partition: number;
  source_offset: string;
  message_key: Buffer | null;
  message_value: Buffer | null;
  message_headers: { name: string; value: string }[];
  reason: DeadLetterReason;
  detail: string;
  dead_lettered_at: Date;
  redrive_count: number;
  last_redriven_at: Date | null;
  last_redriven_by: string | null;
}

/**
 * The operators' record of dead letters, in PostgreSQL next to the read models. One row per
 * message and consumer group: a consumer that dead-letters the same message again after a crash
 * adds nothing.
 */
export class DeadLetterStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a dead letter; returns false when it was already recorded. */
  async record(letter: DeadLetter): Promise<boolean> {
    const inserted = await this.dataSource.query(
      `INSERT INTO dead_letters (id, consumer_group, source_topic, source_partition, source_offset,
         message_key, message_value, message_headers, reason, detail, dead_lettered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (consumer_group, source_topic, source_partition, source_offset) DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        letter.consumerGroup,
        letter.topic,
        letter.partition,
        letter.offset,
        letter.key,
        letter.value,
        JSON.stringify(
          letter.headers.map(([name, value]) => ({ name, value: value.toString('base64') })),
        ),
        letter.reason,
        letter.detail,
        letter.deadLetteredAt,
      ],
    );
    return inserted.length > 0;
  }

  /** Oldest first: re-driving in this order keeps each stream's events in order. */
  async list(filter: DeadLetterFilter): Promise<DeadLetterRecord[]> {
    const rows: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM dead_letters WHERE ($1::boolean IS NOT TRUE OR redrive_count = 0)
       ORDER BY dead_lettered_at, source_topic, source_partition, source_offset LIMIT $2`,
      [filter.pending ?? false, filter.limit],
    );
    return rows.map(recordOf);
  }

  async get(id: string): Promise<DeadLetterRecord | null> {
    const [row]: DeadLetterRow[] = await this.dataSource.query(
      `SELECT * FROM dead_letters WHERE id = $1`,
      [id],
    );
    return row ? recordOf(row) : null;
  }

  /** Notes that an operator re-drove it; returns the record as it is now. */
  async markRedriven(id: string, by: string, at: Date): Promise<DeadLetterRecord | null> {
    await this.dataSource.query(
      `UPDATE dead_letters
       SET redrive_count = redrive_count + 1, last_redriven_at = $2, last_redriven_by = $3
       WHERE id = $1`,
      [id, at, by],
    );
    return this.get(id);
  }
}

function recordOf(row: DeadLetterRow): DeadLetterRecord {
  const headers: RawHeaders = row.message_headers.map(({ name, value }) => [
    name,
    Buffer.from(value, 'base64'),
  ]);
  return {
    id: row.id,
    consumerGroup: row.consumer_group,
    topic: row.source_topic,
    partition: row.source_partition,
    offset: String(row.source_offset),
    key: row.message_key,
    value: row.message_value,
    headers,
    reason: row.reason,
    detail: row.detail,
    deadLetteredAt: row.dead_lettered_at,
    redriveCount: row.redrive_count,
    lastRedrivenAt: row.last_redriven_at,
    lastRedrivenBy: row.last_redriven_by,
  };
}
