import type { EntityManager } from 'typeorm';
import { domainEventOf, type EventEnvelope } from '@riskledger/contracts';
import type { Projection } from '../projection';
import { sqlIdentifier } from '../sql-identifier';

/** Every published risk matrix version, as published (a version never changes). */
export class RiskMatricesProjection implements Projection {
  readonly name = 'risk-matrices';
  readonly streamTypes = ['risk-matrix'];
  readonly table = 'risk_matrices';
  readonly key = 'version';

  async applyBatch(
    manager: EntityManager,
    table: string,
    envelopes: readonly EventEnvelope[],
  ): Promise<void> {
    for (const envelope of envelopes) {
      const event = domainEventOf(envelope);
      if (event?.type !== 'RiskMatrixPublished') continue;
      await manager.query(
        `INSERT INTO ${sqlIdentifier(table)} (version, matrix, published_at, published_by)
         VALUES ($1, $2, $3, $4)`,
        [
          event.data.version,
          JSON.stringify(event.data),
          envelope.recordedAt,
          envelope.metadata.actor,
        ],
      );
    }
  }
}
