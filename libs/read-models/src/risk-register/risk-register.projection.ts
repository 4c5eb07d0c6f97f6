import type { EventEnvelope } from '@riskledger/messaging';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';
import type { RiskRegisterEntry } from './risk-register-entry';
import { evolveRiskRegisterEntry } from './risk-register.evolve';
import { entryOf, RISK_REGISTER_COLUMNS, rowOf, type RiskRegisterRow } from './risk-register.table';

const columns = RISK_REGISTER_COLUMNS.join(', ');
const updates = RISK_REGISTER_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** The risk register: the current state of every risk, one row each. */
export class RiskRegisterProjection implements Projection {
  readonly name = 'risk-register';
  readonly streamTypes = ['risk'];
  readonly table = 'risk_register';
  readonly key = 'risk_id';

  /** Folds the batch into the entries of the risks it touches, then writes each changed entry once. */
  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const followed = envelopes.filter((e) => this.streamTypes.includes(e.streamType));
    if (followed.length === 0) return;
    const t = sqlIdentifier(table);
    const current: RiskRegisterRow[] = await manager.query(
      `SELECT * FROM ${t} WHERE risk_id = ANY($1)`,
      [[...new Set(followed.map((e) => e.streamId))]],
    );
    const entries = new Map<string, RiskRegisterEntry>(current.map((r) => [r.risk_id, entryOf(r)]));
    const changed = new Set<string>();
    for (const envelope of followed) {
      const entry = evolveRiskRegisterEntry(entries.get(envelope.streamId) ?? null, envelope);
      if (!entry) continue;
      entries.set(envelope.streamId, entry);
      changed.add(envelope.streamId);
    }
    if (changed.size === 0) return;
    const rows = [...changed].map((riskId) => rowOf(entries.get(riskId)!));
    await manager.query(
      `INSERT INTO ${t} (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)
       ON CONFLICT (risk_id) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
  }
}
