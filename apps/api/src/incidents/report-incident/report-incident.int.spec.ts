import { randomUUID } from 'node:crypto';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';

const incident = (overrides: Record<string, unknown> = {}) => ({
  title: 'Medicine room found open at night',
  description: 'Found open at 03:10; nothing missing after count.',
  area: 'PHARMACEUTICALS',
  unit: 'Hospital North / Ward 12',
  kind: 'DEVIATION',
  occurredAt: '2026-01-20T03:10:00+01:00',
  ...overrides,
});

describe('POST /incidents', () => {
  let t: ApiUnderTest;
  let riskId: string;

  beforeAll(async () => {
    t = await startApi();
    riskId = await t.givenRisk();
  });
  afterAll(() => t?.stop());

  it('answers 201 with the id and appends IncidentReported on an incident stream, linked to the risk', async () => {
    const response = await t.api.post('/incidents', incident({ riskIds: [riskId, riskId] }), {
      'X-Correlation-Id': 'night-round-20',
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(UUID) });
    const events = await t.store.readStream(response.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      streamType: 'incident',
      streamVersion: 1,
      type: 'IncidentReported',
      data: {
        incidentId: response.body.id,
        title: 'Medicine room found open at night',
        area: 'PHARMACEUTICALS',
        occurredAt: '2026-01-20T02:10:00.000Z',
        riskIds: [riskId],
        kind: 'DEVIATION',
        severity: null,
        immediateActions: null,
        discoveredAt: expect.any(String),
        personalDataAffected: null,
      },
      schemaVersion: 3,
      metadata: {
        actor: ACTOR,
        correlationId: 'night-round-20',
        causationId: response.headers.get('x-request-id'),
      },
    });
  });

  it('reports an incident linked to no risk', async () => {
    const response = await t.api.post('/incidents', incident());

    expect(response.status).toBe(201);
    const [reported] = await t.store.readStream(response.body.id);
    expect(reported.data).toMatchObject({ riskIds: [] });
  });

  it('refuses riskIds naming a risk that does not exist, naming riskIds[0]', async () => {
    const response = await t.refused(() =>
      t.api.post('/incidents', incident({ riskIds: [randomUUID()] })),
    );

    expectInvalidField(response, 'riskIds[0]');
    expect(response.body.message).toContain('there is no risk');
  });

  it('names the index of the unknown risk among known ones', async () => {
    const response = await t.refused(() =>
      t.api.post('/incidents', incident({ riskIds: [riskId, randomUUID()] })),
    );

    expectInvalidField(response, 'riskIds[1]');
  });

  it('refuses riskIds naming an incident, which is no risk', async () => {
    const other = await t.api.post('/incidents', incident());

    const response = await t.refused(() =>
      t.api.post('/incidents', incident({ riskIds: [other.body.id] })),
    );

    expectInvalidField(response, 'riskIds[0]');
  });

  it('refuses an incident that occurred in the future (beyond clock skew)', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();

    const response = await t.refused(() =>
      t.api.post('/incidents', incident({ occurredAt: tomorrow })),
    );

    expectInvalidField(response, 'occurredAt');
    expect(response.body.message).toContain('future');
  });

  it.each([
    ['kind', { kind: undefined }],
    ['kind', { kind: 'FIRE' }],
    ['severity', { severity: 0 }],
    ['severity', { severity: 6 }],
    ['severity', { severity: '3' }],
    ['immediateActions', { immediateActions: 'x'.repeat(5001) }],
    ['occurredAt', { occurredAt: 'last night' }],
    ['occurredAt', { occurredAt: '2026-02-30T03:10:00Z' }],
    ['occurredAt', { occurredAt: '2026-01-20T03:10:00' }],
    ['occurredAt', { occurredAt: '2026-01-20' }],
    ['occurredAt', { occurredAt: 1768875000000 }],
    ['occurredAt', { occurredAt: undefined }],
    ['riskIds', { riskIds: ['risk-1'] }],
    ['riskIds', { riskIds: 'not-a-list' }],
    ['riskIds', { riskIds: Array.from({ length: 51 }, () => randomUUID()) }],
    ['title', { title: '   ' }],
    ['description', { description: undefined }],
    ['unit', { unit: 12 }],
    ['area', { area: 'WEATHER' }],
    ['severity', { severity: 'HIGH' }],
  ])('refuses a wrong %s: %j', async (field, overrides) => {
    const response = await t.refused(() => t.api.post('/incidents', incident(overrides)));

    expectInvalidField(response, field);
  });

  it('refuses a report without a token (401)', async () => {
    const response = await t.refused(() => t.client().post('/incidents', incident()));

    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/Sign in/);
  });
});
