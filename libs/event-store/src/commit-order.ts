import type { LogCheckpoint } from './stored-event';

/**
 * One page of the log in commit order after a checkpoint: by transaction id, then position (see
 * PostgresEventStore.readAllAfter for why). The parameters are `commitOrderParameters`.
 *
 * ORDER BY names the table's columns, qualified: the pages select `transaction_id::text AS
 * transaction_id`, and an unqualified name in ORDER BY means that text output column. Ordered as
 * text, '10000' comes before '9999': each time the transaction ids gain a digit, a reader would
 * take the later transactions first, move its checkpoint past the earlier ones and never see them.
 *
 * `settledOnly` keeps to transactions older than every transaction still running, so that a
 * reader that keeps a checkpoint can never find a row later that sorts before it. The log's
 * transaction ids are the server's shifted by the era's offset (AnchorLogTransactions), and so is
 * the bound; the subquery evaluates it once per page.
 */
export function commitOrderPage(columns: string, { settledOnly }: { settledOnly: boolean }) {
  return `SELECT ${columns} FROM events
    WHERE (events.transaction_id, events.position) > ($1::xid8, $2::bigint)
      ${settledOnly ? 'AND events.transaction_id < (SELECT log_settled_before())' : ''}
    ORDER BY events.transaction_id, events.position
    LIMIT $3`;
}

export function commitOrderParameters(after: LogCheckpoint, limit: number): unknown[] {
  return [after.transactionId, after.position, limit];
}
