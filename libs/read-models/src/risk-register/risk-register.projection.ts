import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';
import type { RiskRegisterEntry } from './risk-register-entry';
import { evolveRiskRegisterEntry, riskIdsTouchedBy } from './risk-register.evolve';
import { PendingLinks } from './pending-links';
import { copyRows } from '../copy-rows';
import {
  copyValuesOf,
  entryOf,
  RISK_REGISTER_COLUMNS,
  type RiskRegisterRow,
} from './risk-register.table';

/**
 * The risk register: the current state of every risk, one row each. It follows the incident
 * streams too, for the incidents linked to each risk.
 */
export class RiskRegisterProjection implements Projection {
  readonly name = 'risk-register';
  readonly streamTypes = ['risk', 'incident'];
  readonly table = 'risk_register';
  readonly key = 'risk_id';

  /** A risk's entry: its own events write it, and the incident events that link it. */
  sharedRecordsOf(envelope: EventEnvelope): readonly string[] {
    return riskIdsTouchedBy(envelope);
  }

  /** Folds the batch into the entries of the risks it touches, then writes each changed entry once. */
  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const followed = envelopes.filter((e) => this.streamTypes.includes(e.streamType));
    if (followed.length === 0) return;
    const t = sqlIdentifier(table);
    const touched = followed.map((envelope) => ({ envelope, riskIds: riskIdsTouchedBy(envelope) }));
    const current: RiskRegisterRow[] = await manager.query(
      `SELECT * FROM ${t} WHERE risk_id = ANY($1)`,
      [[...new Set(touched.flatMap((e) => e.riskIds))]],
    );
    const entries = new Map<string, RiskRegisterEntry>(current.map((r) => [r.risk_id, entryOf(r)]));
    const changed = new Set<string>();
    const unknown = touched.flatMap((e) => e.riskIds).filter((riskId) => !entries.has(riskId));
    const pending = await PendingLinks.load(manager, table, unknown);
    for (const { envelope, riskIds } of touched) {
      for (const riskId of riskIds) {
        const before = entries.get(riskId) ?? null;
        if (!before && envelope.streamType === 'incident') {
          await pending.keep(riskId, envelope);
          continue;
        }
        let entry = evolveRiskRegisterEntry(before, envelope);
        if (!entry || entry === before) continue;
        if (!before) {
          for (const link of pending.take(riskId)) entry = evolveRiskRegisterEntry(entry, link)!;
        }
        entries.set(riskId, entry);
        changed.add(riskId);
      }
    }
    await pending.removeTaken();
    if (changed.size === 0) return;
    // The changed entries' rows are replaced: deleted, then written by COPY, which PostgreSQL
    // takes in about half the time of an upsert from one JSON document of whole rows.
    const replaced = current.map((r) => r.risk_id).filter((riskId) => changed.has(riskId));
    if (replaced.length > 0) {
      await manager.query(`DELETE FROM ${t} WHERE risk_id = ANY($1::text[])`, [replaced]);
    }
    const rows = [...changed].map((riskId) => copyValuesOf(entries.get(riskId)!));
    await copyRows(manager, table, RISK_REGISTER_COLUMNS, rows);
  }
}
