import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  riskBody,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';

/** What RiskIdentified v2 records: the MSB scenario, areas, supplier, classification, review date, source. */
describe('POST /risks (the whole identification)', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const scenario = {
    cause: 'a broken door closer',
    event: 'unauthorised people enter the medicine room',
    consequence: 'theft of narcotics',
  };

  it('records the scenario, writing the description from it, with areas, supplier and classification', async () => {
    const response = await t.api.post(
      '/risks',
      riskBody({
        description: undefined,
        scenario,
        threat: 'Theft of narcotics',
        additionalAreas: ['CRIME_PREVENTION'],
        supplier: 'Lock & Door AB',
        contract: 'RV-2024-113',
        classification: 'RESTRICTED',
        nextReviewDate: '2099-06-30',
      }),
    );

    expect(response.status).toBe(201);
    const riskId = response.body.id;
    const [identified] = await t.projectStream(riskId);
    expect(identified).toMatchObject({ type: 'RiskIdentified', schemaVersion: 2 });
    expect(identified.data).toEqual({
      riskId,
      title: 'Unlocked medicine room on ward 12',
      description:
        'Because of a broken door closer, unauthorised people enter the medicine room, which leads to theft of narcotics.',
      ...scenario,
      threat: 'Theft of narcotics',
      area: 'PHARMACEUTICALS',
      additionalAreas: ['CRIME_PREVENTION'],
      unit: 'Hospital North / Ward 12',
      owner: 'ward.manager@region.se',
      supplier: 'Lock & Door AB',
      contract: 'RV-2024-113',
      classification: 'RESTRICTED',
      nextReviewDate: '2099-06-30',
      sourceIncidentId: null,
    });
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      scenario,
      additionalAreas: ['CRIME_PREVENTION'],
      classification: 'RESTRICTED',
      nextReviewDate: '2099-06-30',
      reviewOverdue: false,
    });
  });

  it('defaults to an open risk reviewed again in a year', async () => {
    const riskId = await t.givenRisk();
    const [identified] = await t.store.readStream(riskId);
    const inAYear = new Date(identified.recordedAt.getTime() + 365 * 86400_000);
    expect(identified.data).toMatchObject({
      classification: 'OPEN',
      additionalAreas: [],
      nextReviewDate: inAYear.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }),
    });
  });

  it('records a risk identified from an incident, with the incident as its causation', async () => {
    const incident = await t.api.post('/incidents', {
      title: 'Door found open',
      description: 'Found open at night.',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      kind: 'DEVIATION',
      occurredAt: '2026-01-10T03:10:00+01:00',
    });
    expect(incident.status).toBe(201);

    const response = await t.api.post('/risks', riskBody({ sourceIncidentId: incident.body.id }));

    expect(response.status).toBe(201);
    const [identified] = await t.store.readStream(response.body.id);
    expect(identified.data).toMatchObject({ sourceIncidentId: incident.body.id });
    expect(identified.metadata.causationId).toBe(incident.body.id);
    const named = await t.api.post('/risks', riskBody({ sourceIncidentId: incident.body.id }), {
      'X-Causation-Id': 'review-meeting-7',
    });
    const [second] = await t.store.readStream(named.body.id);
    expect(second.metadata.causationId).toBe('review-meeting-7');
  });

  it('answers 404 for a source incident that does not exist, or is a risk', async () => {
    const missing = randomUUID();
    const response = await t.refused(() =>
      t.api.post('/risks', riskBody({ sourceIncidentId: missing })),
    );
    expect(response.status).toBe(404);
    expect(response.body.message).toBe(`incident ${missing} does not exist`);
    const riskId = await t.givenRisk();
    expect(
      (await t.refused(() => t.api.post('/risks', riskBody({ sourceIncidentId: riskId })))).status,
    ).toBe(404);
  });

  it.each([
    ['a description and scenario both missing', 'description', { description: undefined }],
    [
      'a scenario without its event',
      'scenario.event',
      { scenario: { cause: 'c', consequence: 'q' } },
    ],
    ['a scenario that is a list', 'scenario', { scenario: [] }],
    ['a scenario that is text', 'scenario', { scenario: 'because' }],
    ['an area not in use', 'area', { area: 'PHYSICAL_SECURITY' }],
    ['an additional area not in use', 'additionalAreas', { additionalAreas: ['WEATHER'] }],
    ['an additional area in lower case', 'additionalAreas', { additionalAreas: ['it_security'] }],
    ['an unknown classification', 'classification', { classification: 'SECRET' }],
    ['a next review date in the past', 'nextReviewDate', { nextReviewDate: '2020-01-01' }],
    ['a next review date that is no date', 'nextReviewDate', { nextReviewDate: '2026-02-30' }],
    ['a source incident that is no UUID', 'sourceIncidentId', { sourceIncidentId: 'incident-7' }],
  ])('refuses %s (400 naming %s)', async (_, field, overrides) => {
    expectInvalidField(await t.refused(() => t.api.post('/risks', riskBody(overrides))), field);
  });
});

describe('POST /risks/:id/owner', () => {
  let t: ApiUnderTest;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('assigns a new owner (RiskOwnerAssigned), which the register shows', async () => {
    const riskId = await t.givenRisk({ owner: undefined });

    const response = await t.api.post(`/risks/${riskId}/owner`, { owner: ' erik.lund@region.se ' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ version: 2 });
    const events = await t.projectStream(riskId);
    expect(events[1]).toMatchObject({
      type: 'RiskOwnerAssigned',
      data: { riskId, owner: 'erik.lund@region.se' },
    });
    expect((await t.api.get(`/risks/${riskId}`)).body.owner).toBe('erik.lund@region.se');
  });

  it('refuses a missing owner (400) and an unknown risk (404)', async () => {
    const riskId = await t.givenRisk();
    expectInvalidField(await t.refused(() => t.api.post(`/risks/${riskId}/owner`, {})), 'owner');
    expect(
      (await t.refused(() => t.api.post(`/risks/${randomUUID()}/owner`, { owner: 'x' }))).status,
    ).toBe(404);
  });
});
