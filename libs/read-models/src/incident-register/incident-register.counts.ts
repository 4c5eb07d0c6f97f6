import type { Visibility } from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import { incidentRegisterWhere, type IncidentRegisterFilter } from './incident-register.queries';

/**
 * Counts of the incident register for the dashboard. Every count is of a register filter (the
 * condition GET /incidents applies), so that each number equals the total of the list it links to.
 */
export class IncidentRegisterCounts {
  constructor(private readonly dataSource: DataSource) {}

  async count(filter: IncidentRegisterFilter, visibility: Visibility): Promise<number> {
    const { where, parameters } = incidentRegisterWhere(filter, visibility);
    const [{ n }]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM incident_register WHERE ${where}`,
      parameters,
    );
    return n;
  }

  /** The matching incidents by kind (null: reported before kinds were recorded), by kind. */
  async byKind(
    filter: IncidentRegisterFilter,
    visibility: Visibility,
  ): Promise<{ kind: string | null; count: number }[]> {
    const { where, parameters } = incidentRegisterWhere(filter, visibility);
    return this.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM incident_register WHERE ${where}
       GROUP BY kind ORDER BY kind NULLS LAST`,
      parameters,
    );
  }
}
