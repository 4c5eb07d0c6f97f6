import type { DataSource } from 'typeorm';

/** One server the log has been written on (see AnchorLogTransactions). */
export interface LogEra {
  era: number;
  /** PostgreSQL's system identifier of that server. */
  systemIdentifier: string;
  /** What the log adds to the server's transaction ids, so that they sort after every earlier era's. */
  xidOffset: string;
  /** The log's last position and highest transaction id when the era began. */
  afterPosition: number;
  afterTransactionId: string;
  beganAt: Date;
}

/** The log's eras: one for each server it has been restored onto, the current one last. */
export class LogEras {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The era of the server the log is on now, begun here if this is the first time anything touches
   * the log on this server (appends and readers do the same by themselves).
   */
  async anchor(): Promise<LogEra> {
    await this.dataSource.query(`SELECT log_xid_offset()`);
    const eras = await this.list();
    return eras[eras.length - 1];
  }

  /**
   * The era of the server the log is on now, when it began with a restore that is not settled yet
   * (the first era, where the log began, never needs it); else null.
   */
  async unsettled(): Promise<LogEra | null> {
    const era = await this.anchor();
    if (era.era === 1) return null;
    const [row] = await this.dataSource.query(
      `SELECT 1 AS settled FROM log_era_settlements WHERE era = $1`,
      [era.era],
    );
    return row ? null : era;
  }

  /** Records that what the restore that began `era` could not restore has been dealt with. */
  async settle(era: number, eventsDownstreamOnly: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO log_era_settlements (era, events_downstream_only) VALUES ($1, $2)
       ON CONFLICT (era) DO UPDATE SET settled_at = now(),
         events_downstream_only = EXCLUDED.events_downstream_only`,
      [era, eventsDownstreamOnly],
    );
  }

  async list(): Promise<LogEra[]> {
    const rows: {
      era: number;
      system_identifier: string;
      xid_offset: string;
      after_position: string;
      after_transaction_id: string;
      began_at: Date;
    }[] = await this.dataSource.query(
      `SELECT era, system_identifier, xid_offset::text AS xid_offset, after_position,
              after_transaction_id::text AS after_transaction_id, began_at
       FROM log_eras ORDER BY era`,
    );
    return rows.map((row) => ({
      era: row.era,
      systemIdentifier: row.system_identifier,
      xidOffset: row.xid_offset,
      afterPosition: Number(row.after_position),
      afterTransactionId: row.after_transaction_id,
      beganAt: row.began_at,
    }));
  }
}
