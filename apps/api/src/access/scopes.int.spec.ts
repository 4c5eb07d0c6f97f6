import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  riskBody,
  registerUnits,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

/**
 * Scopes on writes, histories and the log, and restricted (säkerhetsskydd) risks. Lists, totals,
 * exports, matrix counts, single reads and histories are covered property-based beside the
 * register queries.
 */
describe('scopes and classified risks', () => {
  let t: ApiUnderTest;
  const ownerOfWard = { 'X-Actor': 'ward.owner', 'X-Actor-Role': 'RISK_OWNER:unit=HN-W12' };
  const uncleared = { 'X-Actor': 'ida', 'X-Actor-Role': 'INVESTIGATOR', 'X-Actor-Cleared': 'no' };
  let inWard: string;
  let elsewhere: string;

  beforeAll(async () => {
    t = await startApi();
    await registerUnits(t.api, [['RV'], ['HN', 'RV'], ['HN-W12', 'HN'], ['HS', 'RV']]);
    inWard = await t.givenRisk({ unit: 'HN-W12' });
    elsewhere = await t.givenRisk({ unit: 'HS' });
  });
  afterAll(() => t?.stop());

  it('lets a risk owner change risks in their unit, and not see those of another (404)', async () => {
    const assess = (riskId: string) =>
      t.api.post(`/risks/${riskId}/assessments`, { likelihood: 2, consequence: 2 }, ownerOfWard);
    expect((await assess(inWard)).status).toBe(201);
    const outside = await t.refused(() => assess(elsewhere));
    expect(outside.status).toBe(404);
    expect(outside.body.message).toBe(`risk ${elsewhere} does not exist`);
    const history = await t.api.get(`/risks/${elsewhere}/history`, ownerOfWard);
    expect(history.status).toBe(404);
    expect((await t.api.get(`/risks/${inWard}/history`, ownerOfWard)).status).toBe(200);
  });

  it('refuses a new risk outside the units the owner answers for (403), allows one inside', async () => {
    const outside = await t.refused(() =>
      t.api.post('/risks', riskBody({ unit: 'HS' }), ownerOfWard),
    );
    expect(outside.status).toBe(403);
    expect(outside.body.message).toMatch(/outside the units and areas you are responsible for/);
    expect((await t.api.post('/risks', riskBody({ unit: 'HN-W12' }), ownerOfWard)).status).toBe(
      201,
    );
  });

  it('lets a reference reach only records in scope: elsewhere is as unknown as nowhere', async () => {
    const incidentBody = (overrides: Record<string, unknown>) => ({
      title: 'Door found open at night',
      description: 'Found open at 03:10; nothing missing.',
      area: 'PHARMACEUTICALS',
      kind: 'DEVIATION',
      occurredAt: '2026-01-20T03:10:00+01:00',
      ...overrides,
    });
    const incidentElsewhere = (await t.api.post('/incidents', incidentBody({ unit: 'HS' }))).body
      .id as string;

    const identifyFrom = (sourceIncidentId: string) =>
      t.refused(() =>
        t.api.post('/risks', riskBody({ unit: 'HN-W12', sourceIncidentId }), ownerOfWard),
      );
    const fromElsewhere = await identifyFrom(incidentElsewhere);
    expect(fromElsewhere.status).toBe(404);
    expect(fromElsewhere.body.message).toBe(`incident ${incidentElsewhere} does not exist`);
    expect((await identifyFrom(randomUUID())).status).toBe(404);

    const naming = await t.refused(() =>
      t.api.post('/incidents', incidentBody({ unit: 'HN-W12', riskIds: [elsewhere] }), ownerOfWard),
    );
    expectInvalidField(naming, 'riskIds[0]');
    expect(naming.body.message).toContain(`there is no risk ${elsewhere}`);
    const inScope = await t.api.post(
      '/incidents',
      incidentBody({ unit: 'HN-W12', riskIds: [inWard] }),
      ownerOfWard,
    );
    expect(inScope.status).toBe(201);
    // A reporter reads only their own reports, but may name the risks of their units.
    const wardReporter = { 'X-Actor': 'eva.nurse', 'X-Actor-Role': 'REPORTER:unit=HN-W12' };
    const report = (riskId: string) =>
      t.api.post('/incidents', incidentBody({ unit: 'HN-W12', riskIds: [riskId] }), wardReporter);
    expect((await report(inWard)).status).toBe(201);
    expectInvalidField(await t.refused(() => report(elsewhere)), 'riskIds[0]');

    const pharmacy = {
      'X-Actor': 'pharma.lead',
      'X-Actor-Role': 'AREA_RESPONSIBLE:area=PHARMACEUTICALS',
    };
    const fireRisk = await t.givenRisk({ unit: 'HN-W12', area: 'FIRE_SAFETY' });
    const link = (riskId: string) =>
      t.api.post(
        `/incidents/${inScope.body.id}/risk-links`,
        { riskId, relation: 'REALISED' },
        pharmacy,
      );
    const toOtherArea = await t.refused(() => link(fireRisk));
    expectInvalidField(toOtherArea, 'riskId');
    expect(toOtherArea.body.message).toContain(`there is no risk ${fireRisk}`);
    expect((await link(inWard)).status).toBe(201);
  });

  it('lets an area responsible see risks of their area anywhere, and only those', async () => {
    const areaResponsible = {
      'X-Actor': 'pharma.lead',
      'X-Actor-Role': 'AREA_RESPONSIBLE:area=PHARMACEUTICALS',
    };
    const pharma = await t.givenRisk({ unit: 'HS', area: 'PHARMACEUTICALS' });
    const fire = await t.givenRisk({ unit: 'HS', area: 'FIRE_SAFETY' });
    expect((await t.api.get(`/risks/${pharma}/history`, areaResponsible)).status).toBe(200);
    expect((await t.api.get(`/risks/${fire}/history`, areaResponsible)).status).toBe(404);
  });

  it('gives an area responsible the annual report of their areas only, and a unit owner none', async () => {
    const year = new Date().getFullYear();
    const pharmaLead = {
      'X-Actor': 'pharma.lead',
      'X-Actor-Role': 'AREA_RESPONSIBLE:area=PHARMACEUTICALS',
    };
    const report = await t.api.get(`/reports/annual/${year}`, pharmaLead);
    expect(report.status).toBe(200);
    expect(report.body.areas.map((a: { area: string }) => a.area)).toEqual(['PHARMACEUTICALS']);
    const unitOwner = { 'X-Actor': 'x', 'X-Actor-Role': 'AREA_RESPONSIBLE:unit=HN' };
    expect((await t.api.get(`/reports/annual/${year}`, unitOwner)).status).toBe(403);
  });

  describe('a restricted risk', () => {
    let secret: string;

    beforeAll(async () => {
      secret = await t.givenRisk({ classification: 'RESTRICTED', unit: 'HN' });
      await t.projectStream(secret);
    });

    it('is marked RESTRICTED on every event, inside the hash chain', async () => {
      await t.api.post(`/risks/${secret}/assessments`, { likelihood: 3, consequence: 5 });
      const events = await t.store.readStream(secret);
      expect(events.length).toBe(2);
      expect(events.every((e) => e.metadata.classification === 'RESTRICTED')).toBe(true);
      await t.projectStream(secret);
    });

    it('does not exist for an uncleared investigator: history, log and register', async () => {
      expect((await t.api.get(`/risks/${secret}/history`, uncleared)).status).toBe(404);
      expect((await t.api.get(`/risks/${secret}`, uncleared)).status).toBe(404);
      const log = await t.api.get(`/traceability?streamId=${secret}`, uncleared);
      expect(log.status).toBe(200);
      expect(log.body).toEqual([]);
    });

    it('is shown to a cleared caller, and the showing is itself recorded, with who looked', async () => {
      const before = await t.eventCount();
      const history = await t.api.get(`/risks/${secret}/history`);
      expect(history.status).toBe(200);
      expect(history.body).toHaveLength(2);
      const log = await t.api.get(`/traceability?streamId=${secret}`);
      expect(log.body).toHaveLength(2);

      const [read] = await t.db.dataSource.query(
        `SELECT event_type AS type, data, metadata FROM events WHERE stream_type = 'access-record'
         ORDER BY position DESC LIMIT 1`,
      );
      expect(await t.eventCount()).toBeGreaterThan(before);
      expect(read).toMatchObject({
        type: 'RestrictedRiskRead',
        data: { riskIds: [secret], what: 'GET /risks/:id/history' },
        metadata: { actor: 'anna.berg@region.se', classification: 'RESTRICTED' },
      });
    });
  });
});
