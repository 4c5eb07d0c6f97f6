import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';

/**
 * Incident events travel on their own Kafka topic, so one that links a risk may arrive before the
 * risk's RiskIdentified. It waits here, per register table (a rebuild has its own, and so has the
 * register's versions table), until the risk comes; replaying the log in order never needs it.
 */
export class PendingLinks {
  constructor(
    private readonly manager: EntityManager,
    private readonly table: string,
  ) {}

  async keep(riskId: string, envelope: EventEnvelope): Promise<void> {
    await this.manager.query(
      `INSERT INTO risk_register_pending_links (register_table, risk_id, event_id, envelope)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [this.table, riskId, envelope.eventId, JSON.stringify(envelope)],
    );
  }

  async take(riskId: string): Promise<EventEnvelope[]> {
    const rows: { envelope: EventEnvelope }[] = await this.manager.query(
      `WITH taken AS (
         DELETE FROM risk_register_pending_links WHERE register_table = $1 AND risk_id = $2
         RETURNING envelope)
       SELECT envelope FROM taken`,
      [this.table, riskId],
    );
    return rows.map((r) => r.envelope).sort((a, b) => a.position - b.position);
  }
}
