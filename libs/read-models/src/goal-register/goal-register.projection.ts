import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';
import type { GoalRegisterEntry } from './goal-register-entry';
import { evolveGoalRegisterEntry } from './goal-register.evolve';
import { entryOf, GOAL_REGISTER_COLUMNS, rowOf, type GoalRegisterRow } from './goal-register.table';

const columns = GOAL_REGISTER_COLUMNS.join(', ');
const updates = GOAL_REGISTER_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** The goal register: every security goal with its measurements and fulfilment, one row each. */
export class GoalRegisterProjection implements Projection {
  readonly name = 'goal-register';
  readonly streamTypes = ['goal'];
  readonly table = 'goal_register';
  readonly key = 'goal_id';

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const followed = envelopes.filter((e) => this.streamTypes.includes(e.streamType));
    if (followed.length === 0) return;
    const t = sqlIdentifier(table);
    const current: GoalRegisterRow[] = await manager.query(
      `SELECT * FROM ${t} WHERE goal_id = ANY($1)`,
      [[...new Set(followed.map((e) => e.streamId))]],
    );
    const entries = new Map<string, GoalRegisterEntry>(current.map((r) => [r.goal_id, entryOf(r)]));
    const changed = new Set<string>();
    for (const envelope of followed) {
      const entry = evolveGoalRegisterEntry(entries.get(envelope.streamId) ?? null, envelope);
      if (!entry) continue;
      entries.set(envelope.streamId, entry);
      changed.add(envelope.streamId);
    }
    if (changed.size === 0) return;
    const rows = [...changed].map((goalId) => rowOf(entries.get(goalId)!));
    await manager.query(
      `INSERT INTO ${t} (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)
       ON CONFLICT (goal_id) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
  }
}
