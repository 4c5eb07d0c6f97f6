import type { EventEnvelope } from '@riskledger/messaging';
import type { EntityManager } from 'typeorm';
import type { Projection } from '../projection';
import { evolveRiskRegisterEntry } from './risk-register.evolve';
import {
  entryOf,
  RISK_REGISTER_COLUMNS,
  rowValues,
  type RiskRegisterRow,
} from './risk-register.table';

const placeholders = RISK_REGISTER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
const updates = RISK_REGISTER_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/** The risk register: the current state of every risk, one row each. */
export class RiskRegisterProjection implements Projection {
  readonly name = 'risk-register';
  readonly streamTypes = ['risk'];

  async apply(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    const [row]: RiskRegisterRow[] = await manager.query(
      `SELECT * FROM risk_register WHERE risk_id = $1`,
      [envelope.streamId],
    );
    const entry = evolveRiskRegisterEntry(row ? entryOf(row) : null, envelope);
    if (!entry) return;
    await manager.query(
      `INSERT INTO risk_register (${RISK_REGISTER_COLUMNS.join(', ')}) VALUES (${placeholders})
       ON CONFLICT (risk_id) DO UPDATE SET ${updates}`,
      rowValues(entry),
    );
  }
}
