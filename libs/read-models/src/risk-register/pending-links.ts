import type { EntityManager } from 'typeorm';
import { type EventEnvelope } from '@riskledger/contracts';

/**
 * Incident events travel on their own Kafka topic, so one that links a risk may arrive before the
 * risk's RiskIdentified. It waits here, per register table (a rebuild has its own, and so has the
 * register's versions table), until the risk comes; replaying the log in order never needs it.
 *
 * One instance serves one batch: the links waiting for the risks the batch may create are read in
 * one query, and those taken are deleted in one more (removeTaken), not a round trip per risk.
 */
export class PendingLinks {
  private readonly waiting = new Map<string, EventEnvelope[]>();
  private readonly taken: string[] = [];

  private constructor(
    private readonly manager: EntityManager,
    private readonly table: string,
  ) {}

  /** The links waiting for any of `riskIds` (the risks the batch touches that have no entry yet). */
  static async load(
    manager: EntityManager,
    table: string,
    riskIds: readonly string[],
  ): Promise<PendingLinks> {
    const links = new PendingLinks(manager, table);
    if (riskIds.length === 0) return links;
    const rows: { risk_id: string; envelope: EventEnvelope }[] = await manager.query(
      `SELECT risk_id, envelope FROM risk_register_pending_links
       WHERE register_table = $1 AND risk_id = ANY($2::text[])`,
      [table, [...new Set(riskIds)]],
    );
    for (const row of rows) links.add(row.risk_id, row.envelope);
    return links;
  }

  async keep(riskId: string, envelope: EventEnvelope): Promise<void> {
    await this.manager.query(
      `INSERT INTO risk_register_pending_links (register_table, risk_id, event_id, envelope)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [this.table, riskId, envelope.eventId, JSON.stringify(envelope)],
    );
    this.add(riskId, envelope);
  }

  /** The links waiting for a risk that now has an entry, in log order; removeTaken deletes them. */
  take(riskId: string): EventEnvelope[] {
    const links = this.waiting.get(riskId) ?? [];
    if (links.length === 0) return [];
    this.waiting.delete(riskId);
    this.taken.push(riskId);
    return links.sort((a, b) => a.position - b.position);
  }

  async removeTaken(): Promise<void> {
    if (this.taken.length === 0) return;
    await this.manager.query(
      `DELETE FROM risk_register_pending_links
       WHERE register_table = $1 AND risk_id = ANY($2::text[])`,
      [this.table, this.taken],
    );
  }

  private add(riskId: string, envelope: EventEnvelope): void {
    const links = this.waiting.get(riskId) ?? [];
    if (links.some((link) => link.eventId === envelope.eventId)) return;
    links.push(envelope);
    this.waiting.set(riskId, links);
  }
}
