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

/** Why a reader of the log cannot move on although events were committed after its checkpoint. */
export interface LogHold {
  /**
   * Committed events after the checkpoint that the reader may not take yet: an older transaction
   * is still running, and could still commit events that sort before them.
   */
  events: number;
  /** The oldest transaction running on the server (any database), the one they wait for. */
  oldestTransaction: {
    pid: number;
    database: string | null;
    application: string;
    state: string | null;
    startedAt: Date;
    ageSeconds: number;
  } | null;
}

/** What holds a reader back (see readAllAfter): nothing when `events` is 0. */
export async function logHold(dataSource: DataSource, name: string): Promise<LogHold> {
  const checkpoint = await new LogCheckpoints(dataSource).load(name);
  const [held] = await dataSource.query(
    `SELECT count(*)::int AS n FROM events
     WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
       AND transaction_id >= (SELECT log_settled_before())`,
    [checkpoint.transactionId, checkpoint.position],
  );
  const [oldest]: {
    pid: number;
    datname: string | null;
    application_name: string;
    state: string | null;
    xact_start: Date;
    age: number;
  }[] = await dataSource.query(
    `SELECT pid, datname, application_name, state, xact_start,
            extract(epoch FROM clock_timestamp() - xact_start)::float8 AS age
     FROM pg_stat_activity
     WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
     ORDER BY age(backend_xid) DESC LIMIT 1`,
  );
  return {
    events: held.n,
    oldestTransaction: oldest
      ? {
          pid: oldest.pid,
          database: oldest.datname,
          application: oldest.application_name,
          state: oldest.state,
          startedAt: oldest.xact_start,
          ageSeconds: Math.round(oldest.age * 10) / 10,
        }
      : null,
  };
}
