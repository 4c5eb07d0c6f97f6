import type { DataSource } from 'typeorm';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';
import { RiskRegisterReads } from '../risk-register/risk-register.queries';

/**
 * The one version per risk holding at $1, under the live register's name: the GiST index on the
 * validity range finds them.
 */
const HOLDING_AT = `(SELECT * FROM risk_register_versions
  WHERE tstzrange(recorded_at, valid_to) @> $1::timestamptz) AS risk_register`;

/**
 * The register as it was at a past moment, from the versions of its entries
 * (RiskRegisterVersionsProjection): for each risk, the version recorded last at or before the
 * moment, i.e. the fold of the risk's events recorded (`recorded_at`, the store's clock at append)
 * at or before it. Events appended in one transaction share their recorded time, so a moment
 * sees all of them or none. Each version has the live register's filter, order and visibility
 * columns, so the register as of a moment is read by the live register's own queries
 * (RiskRegisterReads): filtered, ordered, counted and paged in SQL, the same way.
 *
 * The versions are written by the projector, so like the live register they follow the log by
 * moments: an event the projector has not applied yet is not in any answer, whatever the moment
 * asked for. For a moment a little before now, the answer may therefore lack the latest events
 * until the projector has applied them (`/health/ready` reports its lag); once applied, the answer
 * for every moment is final and equal to the fold of the log (RiskRegisterFold).
 */
export class RiskRegisterAsOf {
  constructor(private readonly dataSource: DataSource) {}

  /** The register as it stood at `asOf`. */
  at(asOf: Date): RiskRegisterReads {
    return new RiskRegisterReads(this.dataSource, {
      relation: HOLDING_AT,
      parameters: [asOf],
      entryColumns: 'entry',
      entryOf: (row) => row.entry as RiskRegisterEntry,
    });
  }
}
