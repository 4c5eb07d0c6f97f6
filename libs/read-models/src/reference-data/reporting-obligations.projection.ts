import type { EntityManager } from 'typeorm';
import { domainEventOf, type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';

/** The reporting obligations, one row each, retired ones included (the log says what was owed). */
export class ReportingObligationsProjection implements Projection {
  readonly name = 'reporting-obligations';
  readonly streamTypes = ['reporting-obligation'];
  readonly table = 'reporting_obligations';
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
        case 'ReportingObligationRegistered': {
          const { builtIn, ...obligation } = event.data;
          await manager.query(
            `INSERT INTO ${t} (code, obligation, built_in, retired, retired_reason,
                               registered_at, updated_at, updated_by)
             VALUES ($1, $2, $3, false, NULL, $4, $4, $5)`,
            [obligation.code, JSON.stringify(obligation), builtIn, at, by],
          );
          break;
        }
        case 'ReportingObligationRevised':
          await manager.query(
            `UPDATE ${t} SET obligation = $2, updated_at = $3, updated_by = $4 WHERE code = $1`,
            [event.data.code, JSON.stringify(event.data), at, by],
          );
          break;
        case 'ReportingObligationRetired':
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
