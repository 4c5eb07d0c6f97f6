import type { DataSource } from 'typeorm';
import { LogCheckpoints } from './log-checkpoints';

/** The relay's checkpoint: how far the event store has been copied to Kafka. */
export const RELAY_CHECKPOINT = 'kafka-relay';

/**
 * How many committed events lie after a reader's checkpoint: for the relay, the events the store
 * holds that Kafka does not have yet. (Events of transactions still running are not counted.)
 */
export async function eventsAfterCheckpoint(dataSource: DataSource, name: string): Promise<number> {
  const checkpoint = await new LogCheckpoints(dataSource).load(name);
  const [row] = await dataSource.query(
    `SELECT count(*)::bigint AS n FROM events
     WHERE (transaction_id, position) > ($1::xid8, $2::bigint)`,
    [checkpoint.transactionId, checkpoint.position],
  );
  return Number(row.n);
}
