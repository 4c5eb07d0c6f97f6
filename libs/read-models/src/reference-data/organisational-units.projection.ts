import type { EntityManager } from 'typeorm';
import { domainEventOf, type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';

/**
 * The organisation tree, one row per unit with its materialised path (region first, the unit
 * last). A move rewrites the paths of the whole moved subtree in one statement.
 */
export class OrganisationalUnitsProjection implements Projection {
  readonly name = 'organisational-units';
  readonly streamTypes = ['organisation'];
  readonly table = 'organisational_units';
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
        case 'OrganisationalUnitRegistered': {
          const d = event.data;
          await manager.query(
            `INSERT INTO ${t} (code, name, parent_code, kind, path, open, closed_reason,
                               registered_at, updated_at, updated_by)
             SELECT $1, $2, $3, $4,
                    coalesce((SELECT path FROM ${t} WHERE code = $3), ARRAY[]::text[]) || $1::text,
                    true, NULL, $5, $5, $6`,
            [d.code, d.name, d.parentCode, d.kind, at, by],
          );
          break;
        }
        case 'OrganisationalUnitRenamed':
          await manager.query(
            `UPDATE ${t} SET name = $2, updated_at = $3, updated_by = $4 WHERE code = $1`,
            [event.data.code, event.data.name, at, by],
          );
          break;
        case 'OrganisationalUnitMoved':
          // Every unit below the moved one keeps its path from the moved unit down, under the new parent's path.
          await manager.query(
            `UPDATE ${t} AS u
             SET path = parent.path || u.path[array_position(u.path, $1::text):],
                 parent_code = CASE WHEN u.code = $1 THEN $2 ELSE u.parent_code END,
                 updated_at = CASE WHEN u.code = $1 THEN $3::timestamptz ELSE u.updated_at END,
                 updated_by = CASE WHEN u.code = $1 THEN $4 ELSE u.updated_by END
             FROM (SELECT path FROM ${t} WHERE code = $2) AS parent
             WHERE u.path @> ARRAY[$1::text]`,
            [event.data.code, event.data.parentCode, at, by],
          );
          break;
        case 'OrganisationalUnitClosed':
          await manager.query(
            `UPDATE ${t} SET open = false, closed_reason = $2, updated_at = $3, updated_by = $4
             WHERE code = $1`,
            [event.data.code, event.data.reason, at, by],
          );
          break;
      }
    }
  }
}
