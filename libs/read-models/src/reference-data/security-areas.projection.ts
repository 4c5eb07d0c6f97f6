import type { EntityManager } from 'typeorm';
import { domainEventOf, type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';

/** The security areas, one row each, retired ones included (old risks keep naming them). */
export class SecurityAreasProjection implements Projection {
  readonly name = 'security-areas';
  readonly streamTypes = ['security-area'];
  readonly table = 'security_areas';
  readonly key = 'code';

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    const t = sqlIdentifier(table);
    for (const envelope of envelopes) {
      const event = domainEventOf(envelope);
      const at = envelope.recordedAt;
      const by = envelope.metadata.actor;
      switch (event?.type) {
        case 'SecurityAreaRegistered': {
          const d = event.data;
          await manager.query(
            `INSERT INTO ${t} (code, sv, en, built_in, responsible, retired, retired_reason,
                               registered_at, updated_at, updated_by)
             VALUES ($1, $2, $3, $4, $5, false, NULL, $6, $6, $7)`,
            [d.code, d.sv, d.en, d.builtIn, d.responsible, at, by],
          );
          break;
        }
        case 'SecurityAreaResponsibleAssigned':
          await manager.query(
            `UPDATE ${t} SET responsible = $2, updated_at = $3, updated_by = $4 WHERE code = $1`,
            [event.data.code, event.data.responsible, at, by],
          );
          break;
        case 'SecurityAreaRetired':
          await manager.query(
            `UPDATE ${t} SET retired = true, retired_reason = $2, updated_at = $3, updated_by = $4
             WHERE code = $1`,
            [event.data.code, event.data.reason, at, by],
          );
          break;
      }
    }
  }
}
