import ExcelJS from 'exceljs';
import { GoalRegisterProjection, project } from '@riskledger/read-models';
import { envelopeOf } from '@riskledger/contracts';
import { randomUUID } from 'node:crypto';
import { bearerFor } from '../../../../test/support/sign-in';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

// The tests run on the real clock: goals are set for this (Swedish) year, and values describe its
// first day, which is never after today.
const THIS_YEAR = Number(
  new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 4),
);
const NEW_YEARS_DAY = `${THIS_YEAR}-01-01`;

const goalBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  area: 'FIRE_SAFETY',
  year: THIS_YEAR,
  text: 'All staff know how to act when the fire alarm sounds',
  indicator: 'Share of staff who completed the fire safety course',
  targetValue: 90,
  measurementUnit: '%',
  direction: 'AT_LEAST',
  partlyMetFrom: 75,
  ...overrides,
});

type Parameter = { name: string; in: string; description?: string; schema?: object };

describe('goals and indicators', () => {
  let t: ApiUnderTest;
  const goalRegister = new GoalRegisterProjection();

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  /** Feeds the goal's stored events to the goal register, as the projector does from Kafka. */
  async function projectGoal(goalId: string): Promise<void> {
    for (const event of await t.store.readStream(goalId)) {
      await project(t.db.dataSource, goalRegister, envelopeOf(event));
    }
  }

  async function givenGoal(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.api.post('/goals', goalBody(overrides));
    expect(response.status).toBe(201);
    return response.body.id;
  }

  describe('POST /goals', () => {
    it('answers 201 with the id and appends SecurityGoalSet to a goal stream', async () => {
      const response = await t.api.post(
        '/goals',
        goalBody({ text: '  All staff know how to act when the fire alarm sounds ' }),
      );

      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.stringMatching(UUID) });
      const [set, ...rest] = await t.store.readStream(response.body.id);
      expect(rest).toEqual([]);
      expect(set).toMatchObject({
        streamType: 'goal',
        streamVersion: 1,
        type: 'SecurityGoalSet',
        schemaVersion: 1,
        data: {
          goalId: response.body.id,
          area: 'FIRE_SAFETY',
          year: THIS_YEAR,
          text: 'All staff know how to act when the fire alarm sounds',
          targetValue: 90,
          direction: 'AT_LEAST',
          partlyMetFrom: 75,
        },
        metadata: { actor: ACTOR },
      });
    });

    it.each([
      ['an area that is not in use', 'area', { area: 'WEATHER' }],
      ['a lower-case area', 'area', { area: 'fire_safety' }],
      ['a year before 2000', 'year', { year: 1999 }],
      ['a year too far ahead', 'year', { year: THIS_YEAR + 4 }],
      ['a year as text', 'year', { year: '2026' }],
      ['a target as text', 'targetValue', { targetValue: '90' }],
      ['an unknown direction', 'direction', { direction: 'ABOUT' }],
      ['a threshold above an AT_LEAST target', 'partlyMetFrom', { partlyMetFrom: 95 }],
      ['a blank indicator', 'indicator', { indicator: '   ' }],
      ['a missing measurement unit', 'measurementUnit', { measurementUnit: undefined }],
      ['an unknown field', 'weight', { weight: 2 }],
    ])('refuses %s (400 naming %s)', async (_case, field, overrides) => {
      expectInvalidField(await t.refused(() => t.api.post('/goals', goalBody(overrides))), field);
    });
  });

  describe('measuring, revising and reading a goal', () => {
    it('records measurements and a revision, and the register shows the fulfilment', async () => {
      const goalId = await givenGoal();
      const first = await t.api.post(`/goals/${goalId}/measurements`, {
        value: 60,
        measuredOn: NEW_YEARS_DAY,
        note: 'Before the course started',
      });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ measurementId: expect.stringMatching(UUID), version: 2 });
      const measurementId = randomUUID();
      const corrected = await t.api.post(`/goals/${goalId}/measurements`, {
        measurementId,
        value: 80,
        measuredOn: NEW_YEARS_DAY,
      });
      expect(corrected.body).toEqual({ measurementId, version: 3 });
      await projectGoal(goalId);

      const partly = await t.api.get(`/goals/${goalId}`);
      expect(partly.status).toBe(200);
      expect(partly.headers.get('etag')).toBe('"3"');
      expect(partly.body).toMatchObject({
        goalId,
        status: 'ACTIVE',
        targetValue: 90,
        fulfilment: 'PARTLY_MET',
        latestMeasurement: { measurementId, value: 80, note: null, recordedBy: ACTOR },
      });
      expect(partly.body.measurements.map((m: { value: number }) => m.value)).toEqual([60, 80]);

      const revised = await t.api.post(
        `/goals/${goalId}/revisions`,
        { targetValue: 80, partlyMetFrom: 60, reason: 'Half the staff changed over' },
        { 'If-Match': '"3"', 'X-Actor': 'security.chief@region.se' },
      );
      expect(revised.status).toBe(201);
      expect(revised.body).toEqual({ version: 4 });
      const stored = await t.store.readStream(goalId);
      expect(stored[3].metadata).toMatchObject({
        actor: 'security.chief@region.se',
        reason: 'Half the staff changed over',
      });
      await projectGoal(goalId);

      const met = await t.api.get(`/goals/${goalId}`);
      expect(met.body).toMatchObject({
        targetValue: 80,
        partlyMetFrom: 60,
        fulfilment: 'MET',
        revisions: [
          { previousTargetValue: 90, targetValue: 80, revisedBy: 'security.chief@region.se' },
        ],
        version: 4,
      });
    });

    it('lists the goals of an area and a year, each with its fulfilment', async () => {
      const fire = await givenGoal({ area: 'IT_SECURITY', year: THIS_YEAR });
      const unmeasured = await givenGoal({
        area: 'IT_SECURITY',
        year: THIS_YEAR,
        text: 'Fewer IT incidents',
        indicator: 'IT incidents reported',
        targetValue: 10,
        measurementUnit: 'incidents',
        direction: 'AT_MOST',
        partlyMetFrom: 15,
      });
      const otherYear = await givenGoal({ area: 'IT_SECURITY', year: THIS_YEAR - 1 });
      await t.api.post(`/goals/${fire}/measurements`, { value: 50, measuredOn: NEW_YEARS_DAY });
      for (const id of [fire, unmeasured, otherYear]) await projectGoal(id);

      const response = await t.api.get(`/goals?area=IT_SECURITY&year=${THIS_YEAR}`);

      expect(response.status).toBe(200);
      expect(
        response.body.map((g: { goalId: string; fulfilment: string }) => [g.goalId, g.fulfilment]),
      ).toEqual([
        [fire, 'NOT_MET'],
        [unmeasured, 'NOT_MEASURED'],
      ]);
      const all = await t.api.get('/goals?area=IT_SECURITY');
      expect(all.body.map((g: { goalId: string }) => g.goalId)).toEqual([
        otherYear,
        fire,
        unmeasured,
      ]);
    });

    it('refuses a query with a year that is not a number, naming year', async () => {
      expectInvalidField(await t.api.get('/goals?year=last'), 'year');
    });

    it('answers 404 for a goal the register does not hold', async () => {
      expect((await t.api.get(`/goals/${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('refusals', () => {
    it('refuses to measure an unknown goal with 404', async () => {
      const response = await t.refused(() =>
        t.api.post(`/goals/${randomUUID()}/measurements`, { value: 1, measuredOn: NEW_YEARS_DAY }),
      );
      expect(response.status).toBe(404);
    });

    it.each([
      ['a value as text', 'value', { value: '80' }],
      ['a date in the wrong format', 'measuredOn', { measuredOn: '1/1/2026' }],
      ['a date that does not exist', 'measuredOn', { measuredOn: `${THIS_YEAR}-02-30` }],
      ['a day before the goal year', 'measuredOn', { measuredOn: `${THIS_YEAR - 1}-12-31` }],
      ['a day still to come', 'measuredOn', { measuredOn: `${THIS_YEAR + 1}-01-01` }],
      ['a measurement id that is not a UUID', 'measurementId', { measurementId: 'm-1' }],
    ])('refuses a measurement with %s (400 naming %s)', async (_case, field, overrides) => {
      const goalId = await givenGoal();
      const body = { value: 80, measuredOn: NEW_YEARS_DAY, ...overrides };
      expectInvalidField(
        await t.refused(() => t.api.post(`/goals/${goalId}/measurements`, body)),
        field,
      );
    });

    it('refuses a measurement id recorded before (a retry) with 409', async () => {
      const goalId = await givenGoal();
      const body = { measurementId: randomUUID(), value: 80, measuredOn: NEW_YEARS_DAY };
      expect((await t.api.post(`/goals/${goalId}/measurements`, body)).status).toBe(201);

      const response = await t.refused(() => t.api.post(`/goals/${goalId}/measurements`, body));

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ rule: 'measurement-already-recorded' });
    });

    it('withdraws a goal with a reason, then refuses to measure it with 409 saying why', async () => {
      const goalId = await givenGoal();
      const withdrawn = await t.api.post(`/goals/${goalId}/withdrawal`, {
        reason: 'Replaced by practical drills',
      });
      expect(withdrawn.status).toBe(201);
      expect(withdrawn.body).toEqual({ version: 2 });
      await projectGoal(goalId);
      expect((await t.api.get(`/goals/${goalId}`)).body).toMatchObject({
        status: 'WITHDRAWN',
        withdrawnReason: 'Replaced by practical drills',
      });

      const response = await t.refused(() =>
        t.api.post(`/goals/${goalId}/measurements`, { value: 80, measuredOn: NEW_YEARS_DAY }),
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        rule: 'goal-withdrawn',
        message: `goal ${goalId} was withdrawn and can no longer be measured`,
      });
      const again = await t.refused(() =>
        t.api.post(`/goals/${goalId}/withdrawal`, { reason: 'Twice' }),
      );
      expect(again.status).toBe(409);
    });

    it('refuses a withdrawal or a revision without a reason, naming reason', async () => {
      const goalId = await givenGoal();
      expectInvalidField(
        await t.refused(() => t.api.post(`/goals/${goalId}/withdrawal`, {})),
        'reason',
      );
      expectInvalidField(
        await t.refused(() =>
          t.api.post(`/goals/${goalId}/revisions`, { targetValue: 80, reason: ' ' }),
        ),
        'reason',
      );
    });

    it('refuses to revise a goal whose year is reported on, with 409 saying why', async () => {
      const goalId = await givenGoal({ year: 2020 });

      const response = await t.refused(() =>
        t.api.post(`/goals/${goalId}/revisions`, { targetValue: 80, reason: 'Too ambitious' }),
      );

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ rule: 'goal-year-closed' });
      expect(response.body.message).toContain('was closed on 2021-03-31');
    });

    it('refuses a revision that changes nothing, and one on a stale version', async () => {
      const goalId = await givenGoal();
      const same = await t.refused(() =>
        t.api.post(`/goals/${goalId}/revisions`, {
          targetValue: 90,
          partlyMetFrom: 75,
          reason: 'Check',
        }),
      );
      expect(same.status).toBe(409);
      expect(same.body.rule).toBe('goal-revision-changes-nothing');

      const stale = await t.refused(() =>
        t.api.post(
          `/goals/${goalId}/revisions`,
          { targetValue: 80, reason: 'Lower' },
          { 'If-Match': '"7"' },
        ),
      );
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(1);
    });
  });

  describe('GET /docs-json', () => {
    it('exports the goals as a spreadsheet with typed cells, and as CSV', async () => {
      const goalId = await givenGoal({ area: 'RADIATION_SAFETY', text: 'Dosimeters read monthly' });
      const measured = await t.api.post(`/goals/${goalId}/measurements`, {
        value: 95,
        measuredOn: NEW_YEARS_DAY,
      });
      expect(measured.status).toBe(201);
      await projectGoal(goalId);
      const response = await fetch(`${t.baseUrl}/goals/export?format=xlsx&area=RADIATION_SAFETY`, {
        headers: { Authorization: `Bearer ${await bearerFor('anna.berg')}` },
      });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      expect(headers.slice(0, 4)).toEqual(['Mål-id', 'Område', 'År', 'Mål']);
      const row = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1);
      expect(row[headers.indexOf('Mål')]).toBe('Dosimeters read monthly');
      expect(row[headers.indexOf('År')]).toBe(THIS_YEAR);
      expect(row[headers.indexOf('Senast uppmätt')]).toBe(95);
      expect(row[headers.indexOf('Uppmätt den')]).toBeInstanceOf(Date);
      expect(sheet.rowCount).toBe(2);
      const csv = await t.api.get('/goals/export?format=csv&area=RADIATION_SAFETY');
      expect(String(csv.body).split('\r\n')[0]).toMatch(/^goalId,area,year,text,/);
    });

    it('lists the goal and report endpoints, every field and parameter with a description and an example', async () => {
      const document = (await t.api.get('/docs-json')).body;
      const operations: Record<string, { parameters?: object[] }> = {
        'POST /goals': document.paths['/goals'].post,
        'GET /goals': document.paths['/goals'].get,
        'GET /goals/{id}': document.paths['/goals/{id}'].get,
        'POST /goals/{id}/measurements': document.paths['/goals/{id}/measurements'].post,
        'POST /goals/{id}/revisions': document.paths['/goals/{id}/revisions'].post,
        'POST /goals/{id}/withdrawal': document.paths['/goals/{id}/withdrawal'].post,
        'GET /reports/annual/{year}': document.paths['/reports/annual/{year}'].get,
      };
      const undocumented: string[] = [];
      for (const [operation, spec] of Object.entries(operations)) {
        expect(spec).toBeDefined();
        for (const p of (spec.parameters ?? []) as Parameter[]) {
          if (p.in === 'header' && p.name !== 'X-Actor' && p.name !== 'If-Match') continue;
          const example = 'example' in p || 'example' in (p.schema ?? {});
          if (!p.description || !example) undocumented.push(`${operation} ${p.in} ${p.name}`);
        }
      }
      for (const name of [
        'SetGoalRequest',
        'MeasureIndicatorRequest',
        'ReviseGoalRequest',
        'WithdrawGoalRequest',
        'GoalRegisterEntryResponse',
        'AnnualSecurityReportResponse',
        'AreaReportResponse',
        'ReportedGoalResponse',
      ]) {
        const schema = document.components.schemas[name];
        expect(schema).toBeDefined();
        for (const [property, spec] of Object.entries(
          schema.properties as Record<string, { description?: string; example?: unknown }>,
        )) {
          if (!spec.description) undocumented.push(`${name}.${property} description`);
          const nested =
            'allOf' in spec || '$ref' in spec || (spec as { type?: string }).type === 'array';
          if (!nested && !('example' in spec)) undocumented.push(`${name}.${property} example`);
        }
      }
      expect(undocumented).toEqual([]);
    });
  });
});
