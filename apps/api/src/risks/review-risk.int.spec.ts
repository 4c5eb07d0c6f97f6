import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';
import { calendarDayInSweden } from '../platform/clock';

/** Reviews, and what makes a risk need one: an incident linked to it since its last review. */
describe('reviewing a risk', () => {
  let t: ApiUnderTest;
  const nextYear = `${Number(calendarDayInSweden(new Date()).slice(0, 4)) + 1}-06-30`;

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  const review = (riskId: string, body: Record<string, unknown> = {}) =>
    t.api.post(`/risks/${riskId}/reviews`, {
      notes: 'Still relevant',
      nextReviewDate: nextYear,
      ...body,
    });

  async function reportIncident(riskIds: string[] = []): Promise<string> {
    const response = await t.api.post('/incidents', {
      title: 'Medicine room found open',
      description: 'Open at 03:10, nothing missing.',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      kind: 'DEVIATION',
      occurredAt: '2026-01-20T03:10:00+01:00',
      riskIds,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  it('records the review and the next review date (RiskReviewed)', async () => {
    const riskId = await t.givenRisk();

    const response = await review(riskId, { notes: ' Card access works ' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ version: 2 });
    const [, reviewed] = await t.projectStream(riskId);
    expect(reviewed).toMatchObject({
      type: 'RiskReviewed',
      data: { riskId, notes: 'Card access works', nextReviewDate: nextYear },
    });
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      nextReviewDate: nextYear,
      lastReviewedAt: reviewed.recordedAt.toISOString(),
      reviewOverdue: false,
    });
  });

  it('marks a risk that an incident realised as needing review, until it is reviewed', async () => {
    const riskId = await t.givenRisk({ likelihood: 3, consequence: 3 });
    const reported = await reportIncident([riskId]);
    await t.projectStream(riskId);
    await t.projectStream(reported);

    const marked = (await t.api.get(`/risks/${riskId}`)).body;
    expect(marked).toMatchObject({
      needsReview: true,
      needsReviewBecause: [`incident ${reported} realised the risk`],
      linkedIncidents: [
        { incidentId: reported, relation: 'REALISED', linkedAt: expect.any(String) },
      ],
      version: 2,
    });

    await review(riskId);
    await t.projectStream(riskId);
    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      needsReview: false,
      needsReviewBecause: [],
      linkedIncidents: [expect.objectContaining({ incidentId: reported })],
    });
  });

  it('follows an incident linked later (IncidentLinkedToRisk); a new assessment clears it too', async () => {
    const riskId = await t.givenRisk();
    const incidentId = await reportIncident();
    const linked = await t.api.post(`/incidents/${incidentId}/risk-links`, {
      riskId,
      relation: 'REVEALED',
    });
    expect(linked.status).toBe(201);
    await t.projectStream(riskId);
    await t.projectStream(incidentId);

    expect((await t.api.get(`/risks/${riskId}`)).body).toMatchObject({
      needsReview: true,
      linkedIncidents: [expect.objectContaining({ incidentId, relation: 'REVEALED' })],
    });
    const asOfNow = (
      await t.api.get(`/risks/${riskId}?asOf=${encodeURIComponent(new Date().toISOString())}`)
    ).body;
    expect(asOfNow).toEqual((await t.api.get(`/risks/${riskId}`)).body);

    await t.api.post(`/risks/${riskId}/assessments`, { likelihood: 2, consequence: 2 });
    await t.projectStream(riskId);
    expect((await t.api.get(`/risks/${riskId}`)).body.needsReview).toBe(false);
  });

  it.each([
    ['no notes', 'notes', { notes: undefined }],
    ['a next review date today or before', 'nextReviewDate', { nextReviewDate: '2020-01-01' }],
    ['a next review date that is no date', 'nextReviewDate', { nextReviewDate: 'soon' }],
  ])('refuses %s (400 naming %s)', async (_, field, body) => {
    const riskId = await t.givenRisk();
    expectInvalidField(await t.refused(() => review(riskId, body)), field);
  });

  it('answers 404 for an unknown risk', async () => {
    expect((await t.refused(() => review(randomUUID()))).status).toBe(404);
  });
});
