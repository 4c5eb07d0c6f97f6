import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { bearerFor } from '../../../../test/support/sign-in';

/** For one describe: an API started with `env` (removed again afterwards), and GET with a token. */
function apiWith(env: Record<string, string>) {
  let t: ApiUnderTest;
  let token: string;
  beforeAll(async () => {
    Object.assign(process.env, env);
    t = await startApi();
    token = await bearerFor('anna.berg@region.se');
  });
  afterAll(async () => {
    for (const name of Object.keys(env)) delete process.env[name];
    await t?.stop();
  });
  return {
    api: () => t,
    get: (path: string, headers: Record<string, string> = {}) =>
      fetch(`${t.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } }),
  };
}

describe('hardening: headers, CORS, body size, rate limit', () => {
  const { api, get } = apiWith({
    RATE_LIMIT_PER_MINUTE: '8',
    CORS_ORIGINS: 'https://risk.region.se',
  });

  it('sends security headers and hides the framework', async () => {
    const response = await get('/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('allows cross-origin calls only from the listed origins', async () => {
    const listed = await get('/health', { Origin: 'https://risk.region.se' });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://risk.region.se');
    const other = await get('/health', { Origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a body over 100 kB with 413 and a message, nothing appended', async () => {
    const response = await api().refused(() =>
      api().api.post('/risks', { title: 'x', description: 'y'.repeat(200_000) }),
    );
    expect(response.status).toBe(413);
    expect(JSON.stringify(response.body)).not.toMatch(/node_modules|\.js:\d+/);
  });

  it('answers 429 with Retry-After once a client sends more than the limit in a minute', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 12; i++) {
      const response = await get('/risks');
      statuses.push(response.status);
      if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('ignores X-Forwarded-For without proxies configured: forged addresses escape no limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await get('/risks', { 'X-Forwarded-For': `198.51.100.${i}` })).status);
    }
    expect(statuses).toContain(429);
  });
});

describe('rate limit behind a reverse proxy (TRUST_PROXY_HOPS=1)', () => {
  const { get } = apiWith({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY_HOPS: '1' });
  const from = (client: string) =>
    get('/risks', { 'X-Forwarded-For': client }).then((response) => response.status);

  it('counts each client behind the proxy on its own', async () => {
    const first: number[] = [];
    for (let i = 0; i < 5; i++) first.push(await from('203.0.113.1'));
    expect(first.slice(0, 3)).toEqual([200, 200, 200]);
    expect(first.slice(3)).toEqual([429, 429]);
    expect(await from('203.0.113.2')).toBe(200);
    // What the client wrote before the proxy's own entry is not believed.
    expect(await from('198.51.100.9, 203.0.113.1')).toBe(429);
  });
});
