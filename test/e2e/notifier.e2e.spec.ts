import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@riskledger/webhooks';
import { httpClient } from '../support/http';
import { eventually, startSystem, type RunningSystem } from '../support/running-system';

const SECRET = 'e2e-webhook-secret-0123456789';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that fails its first `failures` calls with 503. */
async function startReceiver(failures: number) {
  const calls: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      calls.push({ headers: request.headers, body });
      response.statusCode = calls.length <= failures ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/riskledger`,
    calls,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('the notifier, a reference subscriber, calls a signed webhook', () => {
  let system: RunningSystem;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    receiver = await startReceiver(2);
    system = await startSystem({
      NOTIFIER_WEBHOOK_URL: receiver.url,
      NOTIFIER_WEBHOOK_SECRET: SECRET,
      NOTIFIER_INCIDENT_AREAS: 'IT_SECURITY',
      NOTIFIER_BACKOFF_MS: '50',
      NOTIFIER_GROUP_ID: `e2e-notifier-${Date.now()}`,
    });
    api = httpClient(system.baseUrl, { 'X-Actor': 'it.security@region.se' });
  });
  afterAll(async () => {
    await system?.stop();
    await receiver?.close();
    for (const key of [
      'NOTIFIER_WEBHOOK_URL',
      'NOTIFIER_WEBHOOK_SECRET',
      'NOTIFIER_INCIDENT_AREAS',
    ])
      delete process.env[key];
  });

  it('when a risk reaches high and when an incident is reported in a chosen area, retrying until delivered', async () => {
    const risk = await api.post('/risks', {
      title: 'Ransomware on the lab systems',
      description: 'Because backups are online, an attack encrypts them too.',
      area: 'IT_SECURITY',
      unit: 'Laboratory medicine',
      likelihood: 2,
      consequence: 3,
    });
    const riskId: string = risk.body.id;
    expect(
      (await api.post(`/risks/${riskId}/assessments`, { likelihood: 4, consequence: 4 })).status,
    ).toBe(201);
    expect(
      (await api.post(`/risks/${riskId}/assessments`, { likelihood: 5, consequence: 4 })).status,
    ).toBe(201);
    await api.post('/incidents', {
      title: 'Phishing mail opened',
      description: 'One account compromised.',
      area: 'IT_SECURITY',
      unit: 'Laboratory medicine',
      kind: 'IT_INCIDENT',
      occurredAt: '2026-11-20T10:00:00Z',
    });
    await api.post('/incidents', {
      title: 'Fire door blocked',
      description: 'Boxes in front of it.',
      area: 'FIRE_SAFETY',
      unit: 'Laboratory medicine',
      kind: 'DEFICIENCY',
      occurredAt: '2026-11-20T10:00:00Z',
    });

    const deliveries = await eventually(async () => {
      const rows = await system.db.dataSource.query(
        `SELECT kind, subject, status, attempts FROM webhook_deliveries ORDER BY created_at`,
      );
      return rows.length === 2 && rows.every((r: { status: string }) => r.status === 'DELIVERED')
        ? rows
        : undefined;
    });
    // Medium -> high notifies; high -> very high does not; the fire-safety incident is not chosen.
    expect(deliveries.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'INCIDENT_REPORTED',
      'RISK_LEVEL_RAISED',
    ]);
    expect(deliveries.reduce((sum: number, d: { attempts: number }) => sum + d.attempts, 0)).toBe(
      4,
    );

    // The first two calls failed with 503 and were retried: four calls, two distinct deliveries.
    expect(receiver.calls).toHaveLength(4);
    for (const call of receiver.calls) {
      const timestamp = String(call.headers['x-riskledger-timestamp']);
      const signature = String(call.headers['x-riskledger-signature']);
      expect(verify(SECRET, timestamp, call.body, signature)).toBe(true);
    }
    const delivered = receiver.calls.slice(2).map((c) => JSON.parse(c.body));
    expect(delivered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'RISK_LEVEL_RAISED',
          riskId,
          level: 'HIGH',
          previousLevel: 'MEDIUM',
        }),
        expect.objectContaining({
          kind: 'INCIDENT_REPORTED',
          area: 'IT_SECURITY',
          title: 'Phishing mail opened',
        }),
      ]),
    );
  });
});
