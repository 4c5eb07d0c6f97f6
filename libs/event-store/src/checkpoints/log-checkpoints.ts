import type { DataSource, EntityManager } from 'typeorm';
import { LOG_START, type LogCheckpoint } from '../stored-event';

/** Named positions of readers that follow the whole log (the relay), kept in the store's database. */
export class LogCheckpoints {
  constructor(private readonly dataSource: DataSource) {}

  async load(name: string, manager?: EntityManager): Promise<LogCheckpoint> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT transaction_id::text AS transaction_id, position FROM log_checkpoints WHERE name = $1`,
      [name],
    );
    return row ? { transactionId: row.transaction_id, position: Number(row.position) } : LOG_START;
  }

  async save(name: string, checkpoint: LogCheckpoint, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO log_checkpoints (name, transaction_id, position, updated_at)
       VALUES ($1, $2::xid8, $3, now())
       ON CONFLICT (name) DO UPDATE
         SET transaction_id = excluded.transaction_id, position = excluded.position,
             updated_at = excluded.updated_at`,
      [name, checkpoint.transactionId, checkpoint.position],
    );
  }
}
