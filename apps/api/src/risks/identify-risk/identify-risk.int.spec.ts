import {
  ACTOR,
  expectInvalidField,
  riskBody,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';

describe('POST /risks', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('answers 201 with the id and appends RiskIdentified with who, why and the request ids', async () => {
    const response = await t.api.post('/risks', riskBody({ title: '  Unlocked medicine room  ' }), {
      'X-Correlation-Id': 'review-2026-11',
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.stringMatching(UUID) });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(UUID);
    expect(response.headers.get('x-correlation-id')).toBe('review-2026-11');
    const events = await t.store.readStream(response.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      streamType: 'risk',
      streamVersion: 1,
      type: 'RiskIdentified',
      schemaVersion: 2,
      data: {
        riskId: response.body.id,
        title: 'Unlocked medicine room',
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        owner: 'ward.manager@region.se',
      },
    });
    expect(events[0].metadata).toEqual({
      actor: ACTOR,
      actorName: ACTOR,
      correlationId: 'review-2026-11',
      causationId: requestId,
      reason: null,
    });
  });

  it('also appends RiskAssessed, with the same metadata, when likelihood and consequence are given', async () => {
    const response = await t.api.post('/risks', riskBody({ likelihood: 4, consequence: 4 }));

    expect(response.status).toBe(201);
    const events = await t.store.readStream(response.body.id);
    expect(events.map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'RiskIdentified'],
      [2, 'RiskAssessed'],
    ]);
    expect(events[1].data).toEqual({
      riskId: response.body.id,
      basis: 'CURRENT',
      warnings: [],
      likelihood: 4,
      consequence: 4,
      score: 16,
      level: 'HIGH',
      matrixVersion: 1,
    });
    expect(events[1].metadata).toEqual(events[0].metadata);
  });

  it('generates a correlation id when X-Correlation-Id is absent, and answers with it', async () => {
    const response = await t.api.post('/risks', riskBody());

    expect(response.status).toBe(201);
    const correlationId = response.headers.get('x-correlation-id');
    expect(correlationId).toMatch(UUID);
    const [identified] = await t.store.readStream(response.body.id);
    expect(identified.metadata.correlationId).toBe(correlationId);
    expect(identified.metadata.causationId).toBe(response.headers.get('x-request-id'));
    expect(identified.metadata.causationId).not.toBe(correlationId);
  });

  it('refuses a write without a token (401)', async () => {
    const response = await t.refused(() => t.client().post('/risks', riskBody()));

    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/Sign in/);
  });

  it.each(['title', 'description', 'area', 'unit'])(
    'refuses a body without %s, naming it',
    async (field) => {
      const body = riskBody();
      delete body[field];

      expectInvalidField(await t.refused(() => t.api.post('/risks', body)), field);
    },
  );

  it.each([
    ['a number as title', 'title', { title: 42 }],
    ['a string likelihood', 'likelihood', { likelihood: '3', consequence: 3 }],
    ['likelihood 0', 'likelihood', { likelihood: 0, consequence: 3 }],
    ['likelihood 6', 'likelihood', { likelihood: 6, consequence: 3 }],
    ['likelihood 2.5', 'likelihood', { likelihood: 2.5, consequence: 3 }],
    ['consequence 6', 'consequence', { likelihood: 3, consequence: 6 }],
    ['an unknown area', 'area', { area: 'WEATHER' }],
    ['an unknown extra field', 'severity', { severity: 'HIGH' }],
    ['a title over 200 characters', 'title', { title: 'x'.repeat(201) }],
  ])('refuses %s (400 naming %s)', async (_, field, overrides) => {
    expectInvalidField(await t.refused(() => t.api.post('/risks', riskBody(overrides))), field);
  });

  it('refuses a likelihood without a consequence: the domain names consequence', async () => {
    const response = await t.refused(() => t.api.post('/risks', riskBody({ likelihood: 3 })));

    expectInvalidField(response, 'consequence');
    expect(response.body).toMatchObject({ error: 'Bad Request', field: 'consequence' });
  });

  it('refuses a blank title: the DTO lets "   " through, the domain trims it and names title', async () => {
    const response = await t.refused(() => t.api.post('/risks', riskBody({ title: '   ' })));

    expectInvalidField(response, 'title');
    expect(response.body.field).toBe('title');
  });

  it('refuses a malformed JSON body with 400', async () => {
    const response = await t.refused(() => t.api.post('/risks', '{"title": "Unlocked'));

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.message).toMatch(/JSON/);
  });

  it('refuses a body over the parser limit (100 kB) with 413', async () => {
    const body = riskBody({ description: 'x'.repeat(150_000) });

    const response = await t.refused(() => t.api.post('/risks', body));

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ statusCode: 413, message: 'request entity too large' });
  });
});
