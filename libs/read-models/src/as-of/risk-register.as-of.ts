import type { DataSource } from 'typeorm';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';

/**
 * The register as it was at a past moment, from the versions of its entries
 * (RiskRegisterVersionsProjection): for each risk, the version recorded last at or before the
 * moment, i.e. the fold of the risk's events recorded (`recorded_at`, the store's clock at append)
 * at or before it. Events appended in one transaction share their recorded time, so a moment
 * sees all of them or none. Filters, visibility and order are the caller's, applied over the result.
 *
 * The versions are written by the projector, so like the live register they follow the log by
 * moments: an event the projector has not applied yet is not in any answer, whatever the moment
 * asked for. For a moment a little before now, the answer may therefore lack the latest events
 * until the projector has applied them (`/health/ready` reports its lag); once applied, the answer
 * for every moment is final and equal to the fold of the log (RiskRegisterFold).
 */
export class RiskRegisterAsOf {
  constructor(private readonly dataSource: DataSource) {}

  /** Every risk the register held at `asOf`, in the live register's order. */
  async list(asOf: Date): Promise<RiskRegisterEntry[]> {
    // The GiST index on the validity range finds the one version per risk holding at asOf.
    const rows: { entry: RiskRegisterEntry }[] = await this.dataSource.query(
      `SELECT entry FROM risk_register_versions
       WHERE tstzrange(recorded_at, valid_to) @> $1::timestamptz`,
      [asOf],
    );
    return rows
      .map((r) => r.entry)
      .sort(
        (a, b) => a.identifiedAt.localeCompare(b.identifiedAt) || (a.riskId < b.riskId ? -1 : 1),
      );
  }

  /** The register at each of these moments. */
  listAt(moments: readonly Date[]): Promise<RiskRegisterEntry[][]> {
    return Promise.all(moments.map((moment) => this.list(moment)));
  }

  /** The risk as the register held it at `asOf`; null if it was not identified by then. */
  async get(riskId: string, asOf: Date): Promise<RiskRegisterEntry | null> {
    const [row]: { entry: RiskRegisterEntry }[] = await this.dataSource.query(
      `SELECT entry FROM risk_register_versions WHERE risk_id = $1 AND recorded_at <= $2
       ORDER BY recorded_at DESC LIMIT 1`,
      [riskId, asOf],
    );
    return row?.entry ?? null;
  }
}
