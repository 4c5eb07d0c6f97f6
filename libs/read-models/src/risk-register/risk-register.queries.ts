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

  /**
   * The acceptances in force whose lapse date is on or before `today`. The register follows the
   * log, so one that lapsed a moment ago may still be listed: whoever acts on it checks again.
   */
  async acceptancesDue(today: string): Promise<{ riskId: string; acceptanceId: string }[]> {
    const rows: { risk_id: string; acceptance_id: string }[] = await this.dataSource.query(
      `SELECT risk_id, acceptance->>'acceptanceId' AS acceptance_id FROM risk_register
       WHERE acceptance_lapses_on <= $1::date ORDER BY acceptance_lapses_on, risk_id`,
      [today],
    );
    return rows.map((r) => ({ riskId: r.risk_id, acceptanceId: r.acceptance_id }));
  }

  async get(riskId: string): Promise<RiskRegisterEntry | null> {
    const [row]: RiskRegisterRow[] = await this.dataSource.query(
      `SELECT * FROM risk_register WHERE risk_id = $1`,
      [riskId],
    );
    return row ? entryOf(row) : null;
  }
}
