import { randomUUID } from 'node:crypto';
import { type EventEnvelope } from '@riskledger/contracts';
import type { DataSource } from 'typeorm';
import { levelAfter, notificationFor, type NotificationRules } from './notification-rules';

export interface DueDelivery {
  deliveryId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** The notifier's own records: what it owes the webhook, and what it delivered. */
export class WebhookDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records the notification an event calls for, if any. Idempotent: a redelivered event, or one
   * older than what was already seen for its risk, adds nothing.
   */
  async record(envelope: EventEnvelope, rules: NotificationRules, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      let previousLevel: string | null = null;
      const level = levelAfter(envelope);
      if (level !== null) {
        const [seen] = await manager.query(
          `SELECT level, version FROM notifier_risk_levels WHERE risk_id = $1 FOR UPDATE`,
          [envelope.streamId],
        );
        if (seen && envelope.streamVersion <= seen.version) return false;
        previousLevel = seen?.level ?? null;
        await manager.query(
          `INSERT INTO notifier_risk_levels (risk_id, level, version) VALUES ($1, $2, $3)
           ON CONFLICT (risk_id) DO UPDATE SET level = excluded.level, version = excluded.version`,
          [envelope.streamId, level, envelope.streamVersion],
        );
      }
      const notification = notificationFor(envelope, previousLevel, rules);
      if (!notification) return false;
      const inserted = await manager.query(
        `INSERT INTO webhook_deliveries (delivery_id, event_id, kind, subject, payload, status,
                                         next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $6)
         ON CONFLICT (event_id, kind) DO NOTHING RETURNING delivery_id`,
        [
          randomUUID(),
          notification.eventId,
          notification.kind,
          notification.subject,
          JSON.stringify(notification.payload),
          now,
        ],
      );
      return inserted.length > 0;
    });
  }

  /**
   * Claims deliveries that are due, with a lease: another dispatcher skips them, and if this one
   * dies they become due again when the lease runs out.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const rows = await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, next_attempt_at = now() + ($2 || ' milliseconds')::interval
        WHERE delivery_id IN (
          SELECT delivery_id FROM webhook_deliveries
           WHERE status = 'PENDING' AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING delivery_id, payload, attempts`,
      [limit, String(leaseMs)],
    );
    const updated: { delivery_id: string; payload: Record<string, unknown>; attempts: number }[] =
      rows[0] ?? [];
    return updated.map((r) => ({
      deliveryId: r.delivery_id,
      payload: r.payload,
      attempts: r.attempts,
    }));
  }

  async delivered(deliveryId: string, statusCode: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = now(),
              last_status_code = $2, last_error = NULL WHERE delivery_id = $1`,
      [deliveryId, statusCode],
    );
  }

  /** A failed attempt: try again after `retryInMs`, or give up (FAILED) when that is null. */
  async attemptFailed(
    deliveryId: string,
    error: string,
    statusCode: number | null,
    retryInMs: number | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = CASE WHEN $4::int IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              next_attempt_at = now() + (coalesce($4::int, 0) || ' milliseconds')::interval,
              last_error = $2, last_status_code = $3
        WHERE delivery_id = $1`,
      [deliveryId, error.slice(0, 1000), statusCode, retryInMs],
    );
  }
}
