import { createHmac } from 'node:crypto';
import { backoffAfter } from './webhook-dispatcher';
import { sign, verify } from './webhook-signature';

const secret = 'a-shared-secret-of-the-region';

describe('webhook signatures', () => {
  it('are HMAC-SHA256 over "<timestamp>.<body>", as a receiver recomputes them', () => {
    const expected = createHmac('sha256', secret).update('1763888400.{"a":1}').digest('hex');
    expect(sign(secret, '1763888400', '{"a":1}')).toBe(`sha256=${expected}`);
  });

  it('verify the body, the timestamp and the secret', () => {
    const signature = sign(secret, '1763888400', '{"a":1}');
    expect(verify(secret, '1763888400', '{"a":1}', signature)).toBe(true);
    expect(verify(secret, '1763888400', '{"a":2}', signature)).toBe(false);
    expect(verify(secret, '1763888401', '{"a":1}', signature)).toBe(false);
    expect(verify('another-secret-entirely', '1763888400', '{"a":1}', signature)).toBe(false);
    expect(verify(secret, '1763888400', '{"a":1}', 'sha256=short')).toBe(false);
  });
});

describe('retry back-off', () => {
  it('doubles from the base and stops growing at an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffAfter(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffAfter(40, 1000)).toBe(60 * 60 * 1000);
  });
});
