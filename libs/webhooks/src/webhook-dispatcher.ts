import { SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER, sign } from './webhook-signature';
import type { DueDelivery, WebhookDeliveries } from './webhook-deliveries';

export interface WebhookSettings {
  url: string;
  secret: string;
  maxAttempts: number;
  /** The first retry waits this long; each next one twice as long, at most an hour. */
  backoffMs: number;
  timeoutMs: number;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;

export function backoffAfter(attempt: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1));
}

/** Sends due deliveries to the webhook, signed, and records each outcome. */
export class WebhookDispatcher {
  constructor(
    private readonly deliveries: WebhookDeliveries,
    private readonly settings: WebhookSettings,
  ) {}

  /** Sends what is due now; returns how many deliveries it attempted. */
  async dispatchDue(): Promise<number> {
    const due = await this.deliveries.claimDue(20, this.settings.timeoutMs * 2);
    await Promise.all(due.map((delivery) => this.send(delivery)));
    return due.length;
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    let statusCode: number | null = null;
    try {
      const response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: sign(this.settings.secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
          [DELIVERY_HEADER]: delivery.deliveryId,
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (response.ok) return this.deliveries.delivered(delivery.deliveryId, statusCode);
      await this.failed(delivery, `webhook answered ${statusCode}`, statusCode);
    } catch (error) {
      await this.failed(delivery, (error as Error).message, statusCode);
    }
  }

  private failed(delivery: DueDelivery, error: string, statusCode: number | null): Promise<void> {
    const retryInMs =
      delivery.attempts >= this.settings.maxAttempts
        ? null
        : backoffAfter(delivery.attempts, this.settings.backoffMs);
    return this.deliveries.attemptFailed(delivery.deliveryId, error, statusCode, retryInMs);
  }
}
