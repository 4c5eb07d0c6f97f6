import type { DataSource } from 'typeorm';
import type {
  RiskRegisterEntry,
  RiskRegisterSummary,
} from '../risk-register/risk-register-entry';

/** The one version per risk holding at $1: the GiST index on the validity range finds them. */
const HOLDING_AT = `FROM risk_register_versions WHERE tstzrange(recorded_at, valid_to) @> $1::timestamptz`;


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
    const rows: { entry: RiskRegisterEntry }[] = await this.dataSource.query(
      `SELECT entry ${HOLDING_AT}`,
      [asOf],
    );
    return inRegisterOrder(rows.map((r) => r.entry));
  }

  /**
   * The same without the score histories (summaries, migration 1732300018310): enough to filter,
   * order and count by, at a fraction of the bytes; `entries` then gives the page shown whole.
   */
  async summaries(asOf: Date): Promise<RiskRegisterSummary[]> {
    const rows: { summary: RiskRegisterSummary }[] = await this.dataSource.query(
      `SELECT summary ${HOLDING_AT}`,
      [asOf],
    );
    return inRegisterOrder(rows.map((r) => r.summary));
  }

  /** The summaries at each of these moments. */
  summariesAt(moments: readonly Date[]): Promise<RiskRegisterSummary[][]> {
    return Promise.all(moments.map((moment) => this.summaries(moment)));
  }

  /**
   * These risks' entries as the register held them at `asOf`, in the order given; one index probe
   * each. A risk not identified by then is left out.
   */
  async entries(riskIds: readonly string[], asOf: Date): Promise<RiskRegisterEntry[]> {
    if (riskIds.length === 0) return [];
    const rows: { entry: RiskRegisterEntry }[] = await this.dataSource.query(
      `SELECT v.entry FROM unnest($1::text[]) WITH ORDINALITY AS r(risk_id, n)
       CROSS JOIN LATERAL (SELECT entry FROM risk_register_versions
         WHERE risk_id = r.risk_id AND recorded_at <= $2
         ORDER BY recorded_at DESC LIMIT 1) v
       ORDER BY r.n`,
      [riskIds, asOf],
    );
    return rows.map((r) => r.entry);
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

function inRegisterOrder<E extends RiskRegisterSummary>(entries: E[]): E[] {
  return entries.sort(
    (a, b) => a.identifiedAt.localeCompare(b.identifiedAt) || (a.riskId < b.riskId ? -1 : 1),
  );
}
