import { SEEDED_REPORTING_OBLIGATIONS } from '@riskledger/domain';
import {
  ACTOR,
  expectInvalidField,
  registerUnits,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { SEEDING_ACTOR } from '../../reference-data/reference-data-seeding';

const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/**
 * Rapporteringsklockan: the reporting obligations as reference data, an incident's clock on
 * GET /incidents/:id and the open deadlines in the caller's scope. With no projector running, the
 * tests feed each incident's events to the read models, as the projector does from Kafka.
 */
describe('the reporting clock', () => {
  let t: ApiUnderTest;
  const admin = { 'X-Actor': 'admin@region.se', 'X-Actor-Role': 'ADMINISTRATOR' };
  const wardCoordinator = {
    'X-Actor': 'ward.coordinator',
    'X-Actor-Role': 'SECURITY_COORDINATOR:unit=HN-W12',
  };

  beforeAll(async () => {
    t = await startApi();
    await registerUnits(t.api, [['RV'], ['HN-W12', 'RV'], ['HS', 'RV']]);
  });
  afterAll(() => t?.stop());

  async function report(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.api.post('/incidents', {
      title: 'Ransomware on the lab system',
      description: 'Files encrypted on the lab file server.',
      area: 'IT_SECURITY',
      unit: 'HN-W12',
      kind: 'IT_INCIDENT',
      occurredAt: hoursAgo(31),
      discoveredAt: hoursAgo(30),
      ...overrides,
    });
    expect(response.status).toBe(201);
    await t.projectStream(response.body.id);
    return response.body.id;
  }

  const clockOf = async (id: string) => (await t.api.get(`/incidents/${id}`)).body.reportingClock;

  describe('GET /reporting-obligations', () => {
    it('lists the four seeded obligations to anyone signed in', async () => {
      const response = await t.api.get('/reporting-obligations', {
        'X-Actor': 'reporter',
        'X-Actor-Role': 'REPORTER',
      });

      expect(response.status).toBe(200);
      expect(response.body.map((o: { code: string }) => o.code).sort()).toEqual(
        SEEDED_REPORTING_OBLIGATIONS.map((o) => o.code).sort(),
      );
      expect(response.body.find((o: { authority: string }) => o.authority === 'MSB')).toMatchObject(
        {
          kinds: ['IT_INCIDENT'],
          stages: [
            { sv: 'Tidig varning', withinHours: 24 },
            { sv: 'Incidentanmälan', withinHours: 72 },
          ],
          builtIn: true,
          retired: false,
          updatedBy: SEEDING_ACTOR,
        },
      );
    });
  });

  describe('an incident on the clock', () => {
    it("shows MSB's early warning overdue and the notification due, counted from discovery", async () => {
      const discoveredAt = hoursAgo(30);
      const id = await report({ discoveredAt });

      const response = await t.api.get(`/incidents/${id}`);

      expect(response.status).toBe(200);
      expect(response.body.discoveredAt).toBe(discoveredAt);
      expect(response.body.reportingClock).toEqual([
        expect.objectContaining({ authority: 'MSB', code: 'MSB_SIGNIFICANT_IT_INCIDENT' }),
      ]);
      const [early, notification] = response.body.reportingClock[0].stages;
      expect(early).toMatchObject({
        sv: 'Tidig varning',
        deadline: new Date(Date.parse(discoveredAt) + 24 * HOUR).toISOString(),
        status: 'OVERDUE',
        reportedAt: null,
      });
      expect(early.msToDeadline).toBeLessThan(0);
      expect(notification).toMatchObject({
        deadline: new Date(Date.parse(discoveredAt) + 72 * HOUR).toISOString(),
        status: 'DUE',
      });
    });

    it('meets the early warning with the first report to MSB, the notification with the second', async () => {
      const id = await report();
      const made = await t.api.post(`/incidents/${id}/outward-reports`, {
        authority: 'MSB',
        reference: 'MSB-2026-1',
        reportedAt: hoursAgo(10),
      });
      expect(made.status).toBe(201);
      await t.projectStream(id);

      const [msb] = await clockOf(id);

      expect(msb.stages.map((s: { status: string; late: boolean }) => [s.status, s.late])).toEqual([
        ['MET', false],
        ['DUE', false],
      ]);
    });

    it('takes the moment of reporting as discovery when none is given', async () => {
      const before = Date.now();
      const id = await report({ discoveredAt: undefined, occurredAt: hoursAgo(2) });
      const after = Date.now();
      const body = (await t.api.get(`/incidents/${id}`)).body;
      expect(Date.parse(body.discoveredAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(body.discoveredAt)).toBeLessThanOrEqual(after);
      expect(body.reportingClock[0].stages[0].status).toBe('DUE');
    });

    it('asks IMY within 72 h once personal data is said to be affected, recording who said it', async () => {
      const id = await report({ kind: 'DEVIATION', area: 'INFORMATION_SECURITY' });
      expect(await clockOf(id)).toEqual([]);

      const assessed = await t.api.post(`/incidents/${id}/personal-data`, {
        personalDataAffected: true,
      });
      expect(assessed.status).toBe(201);
      const [, event] = await t.projectStream(id);
      expect(event).toMatchObject({
        type: 'IncidentPersonalDataAssessed',
        data: { personalDataAffected: true },
        metadata: { actor: ACTOR },
      });

      const [imy] = await clockOf(id);
      expect(imy).toMatchObject({ authority: 'IMY', stages: [{ withinHours: 72, status: 'DUE' }] });
      expectInvalidField(
        await t.refused(() =>
          t.api.post(`/incidents/${id}/personal-data`, { personalDataAffected: 'yes' }),
        ),
        'personalDataAffected',
      );
    });

    it('shows "without delay" as due now for a serious near miss', async () => {
      const id = await report({ kind: 'SERIOUS_NEAR_MISS', area: 'WORK_ENVIRONMENT' });
      const [av] = await clockOf(id);
      expect(av).toMatchObject({
        authority: 'ARBETSMILJOVERKET',
        stages: [{ withinHours: null, status: 'DUE_NOW' }],
      });
    });

    it('refuses a discovery before the incident occurred, naming discoveredAt', async () => {
      const response = await t.refused(() =>
        t.api.post('/incidents', {
          title: 'x',
          description: 'y',
          area: 'IT_SECURITY',
          unit: 'HN-W12',
          kind: 'IT_INCIDENT',
          occurredAt: hoursAgo(2),
          discoveredAt: hoursAgo(3),
        }),
      );
      expectInvalidField(response, 'discoveredAt');
    });
  });

  describe('GET /incidents/reporting-deadlines', () => {
    it('lists open deadlines in the caller scope only, the most urgent first', async () => {
      const inWard = await report({
        title: 'Ward incident',
        occurredAt: hoursAgo(41),
        discoveredAt: hoursAgo(40),
      });
      const elsewhere = await report({ title: 'Elsewhere', unit: 'HS' });

      const all = (await t.api.get('/incidents/reporting-deadlines')).body.items;
      const ward = await t.api.get('/incidents/reporting-deadlines', wardCoordinator);

      const ids = (list: { incidentId: string }[]) => list.map((d) => d.incidentId);
      expect(ids(all)).toEqual(expect.arrayContaining([inWard, elsewhere]));
      expect(ward.status).toBe(200);
      expect(ids(ward.body.items)).toContain(inWard);
      expect(ids(ward.body.items)).not.toContain(elsewhere);
      expect(ward.body.total).toBe(ward.body.items.length);
      const mine = ward.body.items.find((d: { incidentId: string }) => d.incidentId === inWard);
      expect(mine).toMatchObject({ title: 'Ward incident', overdue: true, unit: 'HN-W12' });
      const deadlines = all.map((d: { nextDeadline: string }) => d.nextDeadline);
      expect(deadlines).toEqual([...deadlines].sort());
    });

    it('gives at most limit of them, the total and how many are overdue', async () => {
      const { body } = await t.api.get('/incidents/reporting-deadlines?limit=1');
      expect(body.items).toHaveLength(1);
      expect(body.total).toBeGreaterThan(1);
      expect(body.overdue).toBeGreaterThanOrEqual(1);
      expectInvalidField(await t.api.get('/incidents/reporting-deadlines?limit=0'), 'limit');
    });

    it('leaves out an incident once every stage is reported, and one dismissed', async () => {
      const reported = await report();
      for (const [reference, hours] of [
        ['MSB-1', 20],
        ['MSB-2', 10],
      ] as const) {
        await t.api.post(`/incidents/${reported}/outward-reports`, {
          authority: 'MSB',
          reference,
          reportedAt: hoursAgo(hours),
        });
      }
      const dismissed = await report();
      await t.api.post(`/incidents/${dismissed}/dismissal`, { reason: 'Reported twice' });
      await t.projectStream(reported);
      await t.projectStream(dismissed);

      const ids = (await t.api.get('/incidents/reporting-deadlines')).body.items.map(
        (d: { incidentId: string }) => d.incidentId,
      );
      expect(ids).not.toContain(reported);
      expect(ids).not.toContain(dismissed);
    });
  });

  describe('an administrator changes the obligations', () => {
    const own = {
      code: 'POLICE_THREATS',
      authority: 'POLICE',
      sv: 'Hot mot personal',
      en: 'Threats against staff',
      kinds: ['ACCIDENT'],
      personalData: false,
      stages: [{ sv: 'Polisanmälan', en: 'Police report', withinHours: 48 }],
    };

    it('adds one, recorded with who did it, and it counts on the clock at once', async () => {
      const response = await t.api.post('/reporting-obligations', own, admin);

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ code: 'POLICE_THREATS', version: 1 });
      const [event] = await t.store.readStream('reporting-obligation:POLICE_THREATS');
      expect(event).toMatchObject({
        streamType: 'reporting-obligation',
        type: 'ReportingObligationRegistered',
        data: { ...own, builtIn: false },
        metadata: { actor: 'admin@region.se' },
      });
      const id = await report({ kind: 'ACCIDENT', area: 'WORK_ENVIRONMENT' });
      expect(await clockOf(id)).toEqual([
        expect.objectContaining({
          authority: 'POLICE',
          stages: [expect.objectContaining({ withinHours: 48 })],
        }),
      ]);
    });

    it('revises one: MSB within 12 hours in one stage', async () => {
      const msb = SEEDED_REPORTING_OBLIGATIONS.find((o) => o.authority === 'MSB')!;
      const { code: _code, ...body } = msb;
      const stages = [{ sv: 'Anmälan', en: 'Report', withinHours: 12 }];

      const response = await t.api.post(
        `/reporting-obligations/${msb.code}/revisions`,
        { ...body, stages },
        { ...admin, 'If-Match': '"1"' },
      );

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ code: msb.code, version: 2 });
      const id = await report({ discoveredAt: hoursAgo(13) });
      const [clock] = await clockOf(id);
      expect(clock.stages).toEqual([
        expect.objectContaining({ withinHours: 12, status: 'OVERDUE' }),
      ]);
    });

    it('retires one with a reason: no incident owes it from then on', async () => {
      const response = await t.api.post(
        '/reporting-obligations/POLICE_THREATS/retirement',
        { reason: 'Handled by the police routine' },
        admin,
      );
      expect(response.status).toBe(201);
      const id = await report({ kind: 'ACCIDENT', area: 'WORK_ENVIRONMENT' });
      expect(await clockOf(id)).toEqual([]);
      const listed = (await t.api.get('/reporting-obligations')).body.find(
        (o: { code: string }) => o.code === 'POLICE_THREATS',
      );
      expect(listed).toMatchObject({
        retired: true,
        retiredReason: 'Handled by the police routine',
      });
    });

    it.each<[string, Record<string, unknown>]>([
      ['authority', { ...own, code: 'X_ONE', authority: 'SKATTEVERKET' }],
      ['kinds', { ...own, code: 'X_TWO', kinds: ['FIRE'] }],
      ['kinds', { ...own, code: 'X_THREE', kinds: [] }],
      ['code', { ...own, code: 'lower case' }],
      ['stages', { ...own, code: 'X_FOUR', stages: [] }],
      ['withinHours', { ...own, code: 'X_FIVE', stages: [{ sv: 'a', en: 'a', withinHours: 0 }] }],
    ])('refuses a bad %s with 400 naming the field, appending nothing', async (field, body) => {
      const response = await t.refused(() => t.api.post('/reporting-obligations', body, admin));
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(field);
    });

    it('refuses a change by someone who is not an administrator (403)', async () => {
      const response = await t.refused(() =>
        t.api.post('/reporting-obligations', { ...own, code: 'NOT_MINE' }, wardCoordinator),
      );
      expect(response.status).toBe(403);
    });

    it('refuses a code already registered (409) and an unknown one (404)', async () => {
      const taken = await t.refused(() =>
        t.api.post('/reporting-obligations', { ...own, code: 'IVO_LEX_MARIA' }, admin),
      );
      expect(taken.status).toBe(409);
      const unknown = await t.refused(() =>
        t.api.post('/reporting-obligations/NO_SUCH/retirement', { reason: 'x' }, admin),
      );
      expect(unknown.status).toBe(404);
    });
  });
});
