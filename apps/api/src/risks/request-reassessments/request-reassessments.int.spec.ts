import {
  ACTOR,
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { calendarDayInSweden } from '../../platform/clock';

/**
 * The yearly re-assessment over HTTP on the real database: one request asks every open risk not
 * yet looked at in the year, once. The register is fed by hand here (projectStream), as the
 * projector would from Kafka.
 */
describe('POST /risks/reassessments (the yearly re-assessment)', () => {
  let t: ApiUnderTest;
  const thisYear = Number(calendarDayInSweden(new Date()).slice(0, 4));
  const nextYear = thisYear + 1;
  let neverAssessed: string;
  let assessedThisYear: string;
  let closed: string;
  let otherArea: string;

  beforeAll(async () => {
    t = await startApi();
    neverAssessed = await t.givenRisk({ title: 'Never looked at again' });
    assessedThisYear = await t.givenRisk({ likelihood: 3, consequence: 3 });
    closed = await t.givenRisk({ title: 'Closed' });
    expect((await t.api.post(`/risks/${closed}/closure`, { reason: 'Gone' })).status).toBe(201);
    otherArea = await t.givenRisk({ area: 'FIRE_SAFETY', title: 'Blocked escape route' });
    for (const id of [neverAssessed, assessedThisYear, closed, otherArea]) {
      await t.projectStream(id);
    }
  });
  afterAll(() => t?.stop());

  const start = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.api.post('/risks/reassessments', body, headers);
  const typesOf = async (id: string) => (await t.store.readStream(id)).map((e) => e.type);

  it('asks each open risk of the area not yet reviewed or assessed in the year, and says how many', async () => {
    const response = await start(
      { year: thisYear, area: 'PHARMACEUTICALS' },
      { 'X-Correlation-Id': 'yearly-reassessment' },
    );

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ year: thisYear, requested: 1, skipped: 1 });
    const stream = await t.store.readStream(neverAssessed);
    expect(stream[stream.length - 1]).toMatchObject({
      type: 'RiskReassessmentRequested',
      schemaVersion: 1,
      data: { riskId: neverAssessed, year: thisYear },
      metadata: {
        actor: ACTOR,
        correlationId: 'yearly-reassessment',
        reason: `yearly re-assessment ${thisYear}`,
      },
    });
    // Assessed this year already, closed, or of another area: left alone.
    expect(await typesOf(assessedThisYear)).toEqual(['RiskIdentified', 'RiskAssessed']);
    expect(await typesOf(closed)).toEqual(['RiskIdentified', 'RiskClosed']);
    expect(await typesOf(otherArea)).toEqual(['RiskIdentified']);
  });

  it('asks no risk twice for one year: running it again skips them all', async () => {
    const before = await t.eventCount();

    const response = await start({ year: thisYear, area: 'PHARMACEUTICALS' });

    expect(response.body).toEqual({ year: thisYear, requested: 0, skipped: 2 });
    expect(await t.eventCount()).toBe(before);
  });

  it('shows the risk as needing review in the register, until it is reviewed', async () => {
    await t.projectStream(neverAssessed);
    expect((await t.api.get(`/risks/${neverAssessed}`)).body).toMatchObject({
      needsReview: true,
      needsReviewBecause: [`yearly re-assessment ${thisYear}`],
    });
    const listed = (await t.api.get('/risks?needsReview=true')).body;
    const items = Array.isArray(listed) ? listed : listed.items;
    expect(items.map((r: { riskId: string }) => r.riskId)).toEqual([neverAssessed]);

    const reviewed = await t.api.post(`/risks/${neverAssessed}/reviews`, {
      notes: 'Looked at again for the year',
      nextReviewDate: `${nextYear}-11-30`,
    });
    expect(reviewed.status).toBe(201);
    await t.projectStream(neverAssessed);
    expect((await t.api.get(`/risks/${neverAssessed}`)).body).toMatchObject({
      needsReview: false,
      needsReviewBecause: [],
    });
  });

  it('starts next year’s for every area when no area is given', async () => {
    const response = await start({ year: nextYear });

    expect(response.body).toEqual({ year: nextYear, requested: 3, skipped: 0 });
    for (const id of [neverAssessed, assessedThisYear, otherArea]) {
      expect((await typesOf(id)).pop()).toBe('RiskReassessmentRequested');
    }
    await t.projectStream(otherArea);
    expect((await t.api.get(`/risks/${otherArea}`)).body.needsReviewBecause).toEqual([
      `yearly re-assessment ${nextYear}`,
    ]);
  });

  it('skips a risk closed since the register last saw it: the log decides, not the register', async () => {
    const risk = await t.givenRisk({ title: 'Closed a moment ago' });
    await t.projectStream(risk);
    expect((await t.api.post(`/risks/${risk}/closure`, { reason: 'Gone' })).status).toBe(201);

    const response = await start({ year: thisYear - 1, area: 'PHARMACEUTICALS' });

    // Last year's, late: the two open ones were looked at this year, the third closed meanwhile.
    expect(response.body).toEqual({ year: thisYear - 1, requested: 0, skipped: 3 });
    expect(await typesOf(risk)).toEqual(['RiskIdentified', 'RiskClosed']);
  });

  it.each([
    ['a year long past', { year: thisYear - 2 }, 'year'],
    ['a year far ahead', { year: thisYear + 2 }, 'year'],
    ['no year', {}, 'year'],
    ['a year that is no number', { year: 'next' }, 'year'],
    ['an area that is not in use', { year: thisYear, area: 'NO_SUCH_AREA' }, 'area'],
    ['an area that is no area code', { year: thisYear, area: 'pharmacy' }, 'area'],
  ])('refuses %s (400 naming the field, nothing appended)', async (_, body, field) => {
    expectInvalidField(await t.refused(() => start(body)), field);
  });

  it.each(['REPORTER', 'INVESTIGATOR', 'ADMINISTRATOR'])(
    'is not for the role %s (403, nothing appended)',
    async (role) => {
      const response = await t.refused(() =>
        start({ year: thisYear }, { 'X-Actor': 'someone@region.se', 'X-Actor-Role': role }),
      );
      expect(response.status).toBe(403);
    },
  );

  it('is for an area responsible', async () => {
    const response = await start(
      { year: nextYear, area: 'FIRE_SAFETY' },
      { 'X-Actor': 'per.lind@region.se', 'X-Actor-Role': 'AREA_RESPONSIBLE' },
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ year: nextYear, requested: 0, skipped: 1 });
  });
});
