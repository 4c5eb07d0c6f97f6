import type { ReportingObligation } from '@riskledger/domain';
import type { DataSource } from 'typeorm';

export interface ReportingObligationEntry extends ReportingObligation {
  builtIn: boolean;
  /** A retired obligation is owed by no incident from then on. */
  retired: boolean;
  retiredReason: string | null;
  registeredAt: string;
  updatedAt: string;
  updatedBy: string;
}

interface ReportingObligationRow {
  obligation: ReportingObligation;
  built_in: boolean;
  retired: boolean;
  retired_reason: string | null;
  registered_at: Date;
  updated_at: Date;
  updated_by: string;
}

/** The region's reporting obligations as the API reads them. */
export class ReportingObligationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Every obligation, retired ones too: the seeded first, then by code. */
  async all(): Promise<ReportingObligationEntry[]> {
    const rows: ReportingObligationRow[] = await this.dataSource.query(
      `SELECT * FROM reporting_obligations ORDER BY built_in DESC, code`,
    );
    return rows.map(entryOf);
  }

  async get(code: string): Promise<ReportingObligationEntry | null> {
    const [row]: ReportingObligationRow[] = await this.dataSource.query(
      `SELECT * FROM reporting_obligations WHERE code = $1`,
      [code],
    );
    return row ? entryOf(row) : null;
  }

  /** The obligations in force, which the reporting clock counts with. */
  async inForce(): Promise<ReportingObligation[]> {
    const rows: { obligation: ReportingObligation }[] = await this.dataSource.query(
      `SELECT obligation FROM reporting_obligations WHERE NOT retired ORDER BY built_in DESC, code`,
    );
    return rows.map((row) => row.obligation);
  }
}

function entryOf(row: ReportingObligationRow): ReportingObligationEntry {
  return {
    ...row.obligation,
    builtIn: row.built_in,
    retired: row.retired,
    retiredReason: row.retired_reason,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  };
}
