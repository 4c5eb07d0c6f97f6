import type { RiskLevel } from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import {
  riskRegisterWhere,
  type RiskRegisterFilter,
  type RiskRegisterScope,
} from './risk-register.queries';

/** How many matching risks there are of one area (primary or additional) and level. */
export interface AreaLevelCount {
  area: string;
  /** null: not assessed yet. */
  level: RiskLevel | null;
  count: number;
}

/**
 * Counts of the live register for the dashboard. Every count is of a register filter (the same
 * condition GET /risks applies), so that each number equals the total of the list it links to.
 */
export class RiskRegisterCounts {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * How many risks each filter matches within the scope, in one pass over the register (a
   * dashboard asks a dozen of them at once; a statement each competed for the same rows).
   */
  async counts(
    filters: readonly RiskRegisterFilter[],
    scope: RiskRegisterScope,
  ): Promise<number[]> {
    const parameters: unknown[] = [];
    const columns = filters.map((filter, i) => {
      const one = riskRegisterWhere(filter, scope);
      // Each filter numbers its parameters from $1; here they follow the ones before.
      const offset = parameters.length;
      parameters.push(...one.parameters);
      const where = one.where.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      return `count(*) FILTER (WHERE ${where})::int AS c${i}`;
    });
    const [row]: Record<string, number>[] = await this.dataSource.query(
      `SELECT ${columns.join(', ')} FROM risk_register`,
      parameters,
    );
    return filters.map((_, i) => row[`c${i}`]);
  }

  /**
   * The matching risks by area and level. A risk counts once under each of its areas, as the
   * area filter finds it under each.
   */
  async byAreaAndLevel(
    filter: RiskRegisterFilter,
    scope: RiskRegisterScope,
  ): Promise<AreaLevelCount[]> {
    const { where, parameters } = riskRegisterWhere(filter, scope);
    return this.dataSource.query(
      `SELECT a.code AS area, r.level, count(*)::int AS count
       FROM risk_register r CROSS JOIN LATERAL unnest(r.areas) AS a(code)
       WHERE ${where} GROUP BY a.code, r.level ORDER BY 1, 2`,
      parameters,
    );
  }
}
