import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-riskledger-signature';
export const TIMESTAMP_HEADER = 'x-riskledger-timestamp';
export const DELIVERY_HEADER = 'x-riskledger-delivery';

/**
 * HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, sent as `sha256=<hex>`. Signing the
 * timestamp too lets a receiver refuse an old request replayed later.
 */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verify(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
