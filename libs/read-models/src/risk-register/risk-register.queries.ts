import type { DataSource } from 'typeorm';
import type { RiskRegisterEntry } from './risk-register-entry';
import { entryOf, type RiskRegisterRow } from './risk-register.table';

export interface RiskRegisterFilter {
  area?: string;
}

/** Reads of the risk register, as the API serves them. */
export class RiskRegisterQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: RiskRegisterFilter): Promise<RiskRegisterEntry[]> {
    const rows: RiskRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM risk_register WHERE ($1::text IS NULL OR area = $1)
       ORDER BY identified_at, risk_id`,
      [filter.area ?? null],
    );
    return rows.map(entryOf);
  }

  async get(riskId: string): Promise<RiskRegisterEntry | null> {
    const [row]: RiskRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM risk_register WHERE risk_id = $1`,
      [riskId],
    );
    return row ? entryOf(row) : null;
  }
}
