import type { DataSource } from 'typeorm';
import { eventually } from './running-system';

/**
 * Waits until every event now in the log is settled: older than every transaction still running
 * on the server, so that a reader in commit order (a rebuild, a verification) takes all of them.
 * The horizon is the server's, not the database's: another test's (or another checkout's)
 * transaction held open elsewhere on the same server holds it back, and a rebuild read at once
 * would miss what the live projection already holds.
 */
export async function untilLogSettled(dataSource: DataSource): Promise<void> {
  await eventually(async () => {
    const [{ settled }] = await dataSource.query(
      `SELECT NOT EXISTS (
         SELECT 1 FROM events WHERE transaction_id >= (SELECT log_settled_before())
       ) AS settled`,
    );
    return settled ? true : undefined;
  });
}
