import {
  expectInvalidField,
  riskBody,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../test/support/api-under-test';
import { signedIn } from '../../../test/support/sign-in';

/** A risk with a planned mitigation, for the writes that need one. */
interface Target {
  riskId: string;
  mitigationId: string;
}

/** Every write endpoint, with a body it accepts. */
const writes: [string, (target: Target) => string, Record<string, unknown>][] = [
  ['POST /risks', () => '/risks', riskBody()],
  [
    'POST /risks/:id/assessments',
    ({ riskId }) => `/risks/${riskId}/assessments`,
    { likelihood: 2, consequence: 3, reason: 'Yearly review' },
  ],
  [
    'POST /risks/:id/mitigations',
    ({ riskId }) => `/risks/${riskId}/mitigations`,
    { title: 'Card access', kind: 'LIMIT' },
  ],
  [
    'POST /risks/:id/mitigations/:mitigationId/applied',
    ({ riskId, mitigationId }) => `/risks/${riskId}/mitigations/${mitigationId}/applied`,
    { note: 'Installed' },
  ],
  [
    'POST /incidents',
    () => '/incidents',
    {
      title: 'Door found open',
      description: 'At night.',
      area: 'PHARMACEUTICALS',
      unit: 'Ward 12',
      kind: 'DEVIATION',
      occurredAt: '2026-01-10T03:10:00+01:00',
    },
  ],
];

/** What every endpoint shares: the request context headers, body parsing, the OpenAPI document. */
describe('the HTTP API', () => {
  let t: ApiUnderTest;
  let target: Target;

  async function givenTarget(): Promise<Target> {
    const riskId = await t.givenRisk();
    const planned = await t.api.post(`/risks/${riskId}/mitigations`, {
      title: 'Card access',
      kind: 'LIMIT',
    });
    return { riskId, mitigationId: planned.body.mitigationId };
  }

  beforeAll(async () => {
    t = await startApi();
    target = await givenTarget();
  });
  afterAll(() => t?.stop());

  describe.each(writes)('%s', (_, path, body) => {
    it("records the token's subject and name, X-Correlation-Id, and X-Request-Id as the causation", async () => {
      const fresh = await givenTarget();
      const before = await t.eventCount();

      const response = await t.api.post(path(fresh), body, {
        'X-Actor': 'security.officer@region.se',
        'X-Correlation-Id': 'case-2026:7',
      });

      expect(response.status).toBe(201);
      expect(response.headers.get('x-correlation-id')).toBe('case-2026:7');
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      const appended = await t.db.dataSource.query(
        `SELECT metadata FROM events ORDER BY position OFFSET $1`,
        [before],
      );
      expect(appended.length).toBeGreaterThan(0);
      for (const { metadata } of appended) {
        expect(metadata).toMatchObject({
          actor: 'security.officer@region.se',
          actorName: 'security.officer@region.se',
          correlationId: 'case-2026:7',
          causationId: requestId,
        });
      }
    });

    it('keeps a display name such as Åsa Öberg as the token gives it', async () => {
      const fresh = await givenTarget();
      const before = await t.eventCount();
      const token = await signedIn({ subject: 'u-1001', name: 'Åsa Öberg' });
      const response = await t.client({ Authorization: `Bearer ${token}` }).post(path(fresh), body);
      expect(response.status).toBe(201);
      const [{ metadata, stream_id: streamId, stream_type: streamType }] =
        await t.db.dataSource.query(
          `SELECT metadata, stream_id, stream_type FROM events ORDER BY position OFFSET $1 LIMIT 1`,
          [before],
        );
      expect(metadata).toMatchObject({ actor: 'u-1001', actorName: 'Åsa Öberg' });

      // An investigator sees who it was by name, in the history and in the traceability log.
      const collection = streamType === 'risk' ? 'risks' : 'incidents';
      const history = (await t.api.get(`/${collection}/${streamId}/history`)).body;
      expect(history[history.length - 1]).toMatchObject({
        actor: 'u-1001',
        actorName: 'Åsa Öberg',
      });
      await t.projectStream(streamId);
      const log = (await t.api.get(`/traceability?streamId=${streamId}&actor=u-1001`)).body;
      expect(log.map((e: { actorName: string }) => e.actorName)).toEqual(['Åsa Öberg']);
    });

    it.each([
      ['absent', {}],
      ['not a bearer token', { Authorization: 'Basic YW5uYTpzZWNyZXQ=' }],
      ['not signed by the issuer', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' }],
    ])('refuses a write whose token is %s, with 401 and nothing appended', async (_, headers) => {
      const response = await t.refused(() => t.client(headers).post(path(target), body));

      expect(response.status).toBe(401);
      expect(response.body.message).toMatch(/Sign in/);
    });

    it.each([
      ['with a space', 'case 7'],
      ['too long', 'c'.repeat(201)],
    ])('refuses an X-Correlation-Id %s', async (_, correlationId) => {
      const response = await t.refused(() =>
        t.api.post(path(target), body, { 'X-Correlation-Id': correlationId }),
      );

      expect(response.status).toBe(400);
      expect(response.body.message).toContain('X-Correlation-Id');
    });

    it('refuses a malformed JSON body', async () => {
      const response = await t.refused(() => t.api.post(path(target), '{"title": '));

      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/JSON/);
    });

    it('refuses a field it does not know', async () => {
      const response = await t.refused(() =>
        t.api.post(path(target), { ...body, tenant: 'region-north' }),
      );

      expectInvalidField(response, 'tenant');
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it.each([
      ['a NUL in a title', '/risks', 'title', () => riskBody({ title: 'Door\u0000' })],
      [
        'an unpaired surrogate in a reason',
        '/risks/:id/assessments',
        'reason',
        () => ({ likelihood: 1, consequence: 1, reason: 'broken \ud800' }),
      ],
      [
        'a NUL in a note',
        '/risks/:id/mitigations/:mid/applied',
        'note',
        () => ({ note: '\u0000' }),
      ],
    ])('refuses %s with 400 instead of failing in the store', async (_, route, field, body) => {
      const path = route.replace(':id', target.riskId).replace(':mid', target.mitigationId);

      expectInvalidField(await t.refused(() => t.api.post(path, body())), field);
    });

    it('refuses a NUL in a query', async () => {
      expectInvalidField(await t.api.get('/traceability?streamId=a%00b'), 'streamId');
    });

    it('accepts characters outside the Basic Multilingual Plane', async () => {
      const response = await t.api.post('/risks', riskBody({ title: 'Fire exit 🔥 blocked' }));

      expect(response.status).toBe(201);
      const [identified] = await t.store.readStream(response.body.id);
      expect(identified.data).toMatchObject({ title: 'Fire exit 🔥 blocked' });
    });
  });

  it('answers 404 in JSON for a route it does not have', async () => {
    const response = await t.api.get('/risk-register');

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  describe('GET /docs-json', () => {
    it('gives an OpenAPI document listing every endpoint, with the headers of the writes', async () => {
      const response = await t.api.get('/docs-json');

      expect(response.status).toBe(200);
      const document = response.body;
      expect(document.openapi).toMatch(/^3\./);
      const operations = Object.entries(document.paths as Record<string, object>).flatMap(
        ([path, methods]) =>
          Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(operations).toEqual(
        expect.arrayContaining([
          'POST /risks',
          'GET /risks',
          'GET /risks/{id}',
          'GET /risks/{id}/history',
          'POST /risks/{id}/assessments',
          'POST /risks/{id}/mitigations',
          'POST /risks/{id}/mitigations/{mitigationId}/applied',
          'POST /incidents',
          'GET /traceability',
          'GET /health',
          'GET /health/ready',
          'GET /dead-letters',
          'POST /dead-letters/{id}/redrive',
          'GET /asyncapi.json',
        ]),
      );
      const headersOf = (path: string) =>
        document.paths[path].post.parameters
          .filter((p: { in: string }) => p.in === 'header')
          .map((p: { name: string; required: boolean }) => [p.name, p.required]);
      expect(headersOf('/risks')).toEqual(expect.arrayContaining([['X-Correlation-Id', false]]));
      expect(headersOf('/risks/{id}/assessments')).toEqual(
        expect.arrayContaining([['If-Match', false]]),
      );
    });
  });

  describe('GET /health', () => {
    it('answers 200 when PostgreSQL and Kafka answer', async () => {
      const response = await t.api.get('/health');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', checks: { postgres: 'up', kafka: 'up' } });
    });
  });
});
