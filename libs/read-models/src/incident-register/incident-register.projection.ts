import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';
import type { IncidentRegisterRecord } from './incident-register-entry';
import { evolveIncidentRegister, incidentOfEvent } from './incident-register.evolve';
import {
  INCIDENT_REGISTER_COLUMNS,
  recordOf,
  rowOf,
  type IncidentRegisterRow,
} from './incident-register.table';

const columns = INCIDENT_REGISTER_COLUMNS.join(', ');
const updates = INCIDENT_REGISTER_COLUMNS.slice(1)
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');

/**
 * The incident register: the current state of every incident, one row each. It follows risks as
 * well, for the risks identified from an incident.
 */
export class IncidentRegisterProjection implements Projection {
  readonly name = 'incident-register';
  readonly streamTypes = ['incident', 'risk'];
  readonly table = 'incident_register';
  readonly key = 'incident_id';

  /** An incident's record: its own events write it, and a risk identified from it. */
  sharedRecordsOf(envelope: EventEnvelope): readonly string[] {
    const incidentId = incidentOfEvent(envelope);
    return incidentId === null ? [] : [incidentId];
  }

  /** Folds the batch into the records of the incidents it touches, then writes each changed one once. */
  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const touching = envelopes
      .filter((e) => this.streamTypes.includes(e.streamType))
      .map((envelope) => ({ envelope, incidentId: incidentOfEvent(envelope) }))
      .filter((e): e is { envelope: EventEnvelope; incidentId: string } => e.incidentId !== null);
    if (touching.length === 0) return;
    const t = sqlIdentifier(table);
    const current: IncidentRegisterRow[] = await manager.query(
      `SELECT * FROM ${t} WHERE incident_id = ANY($1)`,
      [[...new Set(touching.map((e) => e.incidentId))]],
    );
    const records = new Map<string, IncidentRegisterRecord>(
      current.map((row) => [row.incident_id, recordOf(row)]),
    );
    const changed = new Set<string>();
    for (const { envelope, incidentId } of touching) {
      const record = evolveIncidentRegister(records.get(incidentId) ?? null, envelope);
      if (!record) continue;
      records.set(incidentId, record);
      changed.add(incidentId);
    }
    if (changed.size === 0) return;
    const rows = [...changed].map((incidentId) => rowOf(records.get(incidentId)!));
    await manager.query(
      `INSERT INTO ${t} (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)
       ON CONFLICT (incident_id) DO UPDATE SET ${updates}`,
      [JSON.stringify(rows)],
    );
  }
}
