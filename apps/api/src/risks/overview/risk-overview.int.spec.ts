import { addDays } from '@riskledger/domain';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { calendarDayInSweden } from '../../platform/clock';

/**
 * The dashboard's numbers: each equals the total of the list it names (the console links every
 * number to that list), within the caller's scope.
 */
describe('GET /risks/overview and GET /incidents/overview', () => {
  let t: ApiUnderTest;
  const today = calendarDayInSweden(new Date());
  const ids: Record<string, string> = {};
  /** A risk owner of ward 12 only, not cleared for restricted risks. */
  const wardOwner = { 'X-Actor-Role': 'RISK_OWNER:unit=WARD12', 'X-Actor-Cleared': 'no' };
  /** A coordinator of the whole region, not cleared. */
  const uncleared = { 'X-Actor-Role': 'SECURITY_COORDINATOR', 'X-Actor-Cleared': 'no' };

  beforeAll(async () => {
    t = await startApi();
    for (const [code, parentCode, kind] of [
      ['RV', null, 'REGION'],
      ['MED', 'RV', 'DEPARTMENT'],
      ['SURG', 'RV', 'DEPARTMENT'],
      ['WARD12', 'MED', 'UNIT'],
    ]) {
      const registered = await t.api.post('/organisational-units', {
        code,
        name: `Unit ${code}`,
        kind,
        ...(parentCode === null ? {} : { parentCode }),
      });
      expect(registered.status).toBe(201);
    }
    // HIGH, needs review (an incident realised it), target MEDIUM.
    ids.medicine = await t.givenRisk({
      unit: 'WARD12',
      area: 'PHARMACEUTICALS',
      likelihood: 4,
      consequence: 4,
      nextReviewDate: addDays(today, 200),
    });
    await t.api.post(`/risks/${ids.medicine}/assessments`, {
      basis: 'TARGET',
      likelihood: 2,
      consequence: 4,
    });
    // VERY_HIGH, in two areas, a mitigation long overdue.
    ids.exit = await t.givenRisk({
      unit: 'SURG',
      area: 'FIRE_SAFETY',
      additionalAreas: ['IT_SECURITY'],
      likelihood: 5,
      consequence: 5,
    });
    expect(
      (
        await t.api.post(`/risks/${ids.exit}/mitigations`, {
          title: 'Clear the corridor',
          kind: 'ELIMINATE',
          dueDate: '2020-01-31',
        })
      ).status,
    ).toBe(201);
    // LOW, restricted, review overdue (set in the register below: commands refuse a past date).
    ids.server = await t.givenRisk({
      unit: 'MED',
      area: 'IT_SECURITY',
      classification: 'RESTRICTED',
      likelihood: 1,
      consequence: 2,
    });
    // Not assessed, review due within 30 days.
    ids.fire = await t.givenRisk({
      unit: 'WARD12',
      area: 'FIRE_SAFETY',
      nextReviewDate: addDays(today, 10),
    });
    // MEDIUM, accepted until a day within 30 days.
    ids.accepted = await t.givenRisk({
      unit: 'SURG',
      area: 'PHARMACEUTICALS',
      likelihood: 2,
      consequence: 3,
    });
    const accepted = await t.api.post(`/risks/${ids.accepted}/acceptances`, {
      justification: 'Proportionate',
      lapsesOn: addDays(today, 20),
    });
    expect(accepted.status).toBe(201);
    // Closed: in no number.
    ids.closed = await t.givenRisk({
      unit: 'WARD12',
      area: 'PHARMACEUTICALS',
      likelihood: 5,
      consequence: 5,
      nextReviewDate: addDays(today, 5),
    });
    expect((await t.api.post(`/risks/${ids.closed}/closure`, { reason: 'Gone' })).status).toBe(201);

    const incident = async (unit: string, kind: string, riskIds: string[] = []) => {
      const reported = await t.api.post('/incidents', {
        title: `${kind} at ${unit}`,
        description: 'Found during the round',
        kind,
        area: 'PHARMACEUTICALS',
        unit,
        occurredAt: '2026-11-20T03:10:00+01:00',
        riskIds,
      });
      expect(reported.status).toBe(201);
      return reported.body.id as string;
    };
    const incidents = [
      await incident('WARD12', 'DEVIATION', [ids.medicine]),
      await incident('WARD12', 'CARE_INJURY'),
      await incident('SURG', 'DEVIATION'),
      await incident('SURG', 'IT_INCIDENT'),
    ];
    const dismissed = await incident('SURG', 'DEVIATION');
    expect(
      (await t.api.post(`/incidents/${dismissed}/dismissal`, { reason: 'Not an incident' })).status,
    ).toBe(201);
    for (const id of [...Object.values(ids), ...incidents, dismissed]) await t.projectStream(id);
    await t.db.dataSource.query(
      `UPDATE risk_register SET next_review_date = '2020-06-30' WHERE risk_id = $1`,
      [ids.server],
    );
  }, 90_000);
  afterAll(() => t?.stop());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await t.api.get(path, headers);
    expect([path, response.status, response.body.message]).toEqual([path, 200, undefined]);
    return response.body;
  };
  const total = async (path: string, headers: Record<string, string> = {}) =>
    (await get(`${path}${path.includes('?') ? '&' : '?'}limit=500`, headers)).total as number;

  it('counts the open risks by level, area, review, acceptance, mitigation and need of review', async () => {
    const overview = await get('/risks/overview');
    expect(overview).toEqual({
      asOf: expect.any(String),
      today,
      horizon: addDays(today, 30),
      open: 5,
      byLevel: { LOW: 1, MEDIUM: 1, HIGH: 1, VERY_HIGH: 1 },
      byAreaAndLevel: [
        { area: 'FIRE_SAFETY', LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 1, total: 2 },
        { area: 'IT_SECURITY', LOW: 1, MEDIUM: 0, HIGH: 0, VERY_HIGH: 1, total: 2 },
        { area: 'PHARMACEUTICALS', LOW: 0, MEDIUM: 1, HIGH: 1, VERY_HIGH: 0, total: 2 },
      ],
      reviews: { overdue: 1, dueWithin30Days: 1 },
      acceptances: { lapsingWithin30Days: 1 },
      mitigations: { overdue: 1 },
      needsReview: 1,
    });
  });

  /** Each number of the overview and the list query its description names. */
  async function expectEveryNumberIsItsList(query: string, headers: Record<string, string>) {
    const o = await get(`/risks/overview?${query}`, headers);
    const open = `/risks?status=OPEN&${query}`;
    const pairs: [number, string][] = [
      [o.open, open],
      [o.reviews.overdue, `${open}&reviewOverdue=true`],
      [o.reviews.dueWithin30Days, `${open}&reviewOverdue=false&reviewDueBefore=${o.horizon}`],
      [o.acceptances.lapsingWithin30Days, `${open}&acceptanceLapsesBefore=${o.horizon}`],
      [o.mitigations.overdue, `${open}&mitigationOverdue=true`],
      [o.needsReview, `${open}&needsReview=true`],
      ...(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const).map((level): [number, string] => [
        o.byLevel[level],
        `${open}&level=${level}`,
      ]),
      ...o.byAreaAndLevel.flatMap((row: Record<string, number | string>) => {
        const area = query.includes('area=') ? open : `${open}&area=${row.area}`;
        return [
          [row.total, area] as [number, string],
          ...(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const).map((level): [number, string] => [
            row[level] as number,
            `${area}&level=${level}`,
          ]),
        ];
      }),
    ];
    for (const [number, list] of pairs) {
      expect([list, await total(list, headers)]).toEqual([list, number]);
    }
    return o;
  }

  it('gives numbers that each equal the total of the register list they name', async () => {
    await expectEveryNumberIsItsList('', {});
    await expectEveryNumberIsItsList('unit=RV&includeSubunits=true', {});
    const itSecurity = await expectEveryNumberIsItsList('area=IT_SECURITY', {});
    expect(itSecurity.byAreaAndLevel).toEqual([
      { area: 'IT_SECURITY', LOW: 1, MEDIUM: 0, HIGH: 0, VERY_HIGH: 1, total: 2 },
    ]);
  }, 60_000);

  it('counts only what the caller may see: a unit owner their unit, uncleared no restricted risk', async () => {
    const ward = await expectEveryNumberIsItsList('', wardOwner);
    expect(ward).toMatchObject({
      open: 2,
      byLevel: { LOW: 0, MEDIUM: 0, HIGH: 1, VERY_HIGH: 0 },
      reviews: { overdue: 0, dueWithin30Days: 1 },
      acceptances: { lapsingWithin30Days: 0 },
      mitigations: { overdue: 0 },
      needsReview: 1,
    });
    const notCleared = await expectEveryNumberIsItsList('', uncleared);
    expect(notCleared).toMatchObject({
      open: 4,
      byLevel: { LOW: 0, MEDIUM: 1, HIGH: 1, VERY_HIGH: 1 },
      reviews: { overdue: 0 },
    });
    expect(notCleared.byAreaAndLevel).toContainEqual({
      area: 'IT_SECURITY',
      LOW: 0,
      MEDIUM: 0,
      HIGH: 0,
      VERY_HIGH: 1,
      total: 1,
    });
  }, 60_000);

  it('finds exactly the risks of a matrix cell that the matrix counts there, now and as of now', async () => {
    const now = encodeURIComponent(new Date().toISOString());
    for (const headers of [{}, wardOwner]) {
      const matrix = await get('/risks/matrix', headers);
      for (const basis of ['INHERENT', 'CURRENT', 'TARGET'] as const) {
        const counts: number[][] = matrix[basis.toLowerCase()];
        const assessed = counts.flat().reduce((a, b) => a + b, 0);
        expect(await total(`/risks?basis=${basis}`, headers)).toBe(assessed);
        for (let l = 1; l <= 5; l++) {
          expect(await total(`/risks?basis=${basis}&likelihood=${l}`, headers)).toBe(
            counts[l - 1].reduce((a, b) => a + b, 0),
          );
          for (let c = 1; c <= 5; c++) {
            const cell = `/risks?basis=${basis}&likelihood=${l}&consequence=${c}`;
            expect([cell, await total(cell, headers)]).toEqual([cell, counts[l - 1][c - 1]]);
            if (counts[l - 1][c - 1] > 0) {
              const asOf = await get(`${cell}&asOf=${now}`, headers);
              expect([cell, asOf.total]).toEqual([cell, counts[l - 1][c - 1]]);
            }
          }
        }
      }
    }
    const current = await get('/risks?basis=CURRENT&likelihood=5&consequence=5&status=OPEN');
    expect(current.items.map((r: { riskId: string }) => r.riskId)).toEqual([ids.exit]);
    // The headline falls back to the inherent assessment, as the matrix does.
    expect((await get('/risks/matrix')).current[4][4]).toBe(2);
  }, 120_000);

  it('filters the register and its export by review and acceptance dates, now and as of now', async () => {
    const now = encodeURIComponent(new Date().toISOString());
    const idsOf = (body: { items: { riskId: string }[] }) => body.items.map((r) => r.riskId);
    // Not the restricted risk: its overdue review date is in the register only (see beforeAll).
    const cases: [string, string[]][] = [
      [`reviewDueBefore=${addDays(today, 30)}`, [ids.fire]],
      [`reviewDueBefore=${addDays(today, 300)}`, [ids.medicine, ids.fire]],
      [`acceptanceLapsesBefore=${addDays(today, 20)}`, [ids.accepted]],
      [`acceptanceLapsesBefore=${addDays(today, 19)}`, []],
    ];
    for (const [dates, expected] of cases) {
      const query = `${dates}&classification=OPEN`;
      expect(idsOf(await get(`/risks?${query}`))).toEqual(expected);
      expect(idsOf(await get(`/risks?${query}&asOf=${now}`))).toEqual(expected);
      const csv = await t.api.get(`/risks/export.csv?${query}`);
      expect(csv.status).toBe(200);
      expect((csv.body as string).trim().split('\r\n')).toHaveLength(1 + expected.length);
    }
    // The review date set in the register only (see beforeAll) is seen live only.
    expect(idsOf(await get(`/risks?reviewDueBefore=${today}`))).toEqual([ids.server]);
  });

  it('refuses bad values of the new filters, naming the field', async () => {
    for (const [query, field] of [
      ['reviewDueBefore=2026-02-30', 'reviewDueBefore'],
      ['reviewDueBefore=tomorrow', 'reviewDueBefore'],
      ['acceptanceLapsesBefore=2026-13-01', 'acceptanceLapsesBefore'],
      ['basis=RESIDUAL', 'basis'],
      ['likelihood=3', 'basis'],
      ['basis=CURRENT&likelihood=6', 'likelihood'],
      ['basis=CURRENT&consequence=0', 'consequence'],
      ['basis=CURRENT&consequence=two', 'consequence'],
    ]) {
      expectInvalidField(await t.api.get(`/risks?${query}`), field);
      expectInvalidField(await t.api.get(`/risks/export.csv?${query}`), field);
    }
    expectInvalidField(await t.api.get('/risks/overview?includeSubunits=true'), 'includeSubunits');
    expectInvalidField(await t.api.get('/incidents?open=yes'), 'open');
    expectInvalidField(await t.api.get('/incidents/overview?unit='.padEnd(240, 'x')), 'unit');
  });

  it('counts the open incidents by kind, and those missing an outward report, as their lists', async () => {
    const overview = await get('/incidents/overview');
    expect(overview).toEqual({
      openByKind: [
        { kind: 'CARE_INJURY', count: 1 },
        { kind: 'DEVIATION', count: 2 },
        { kind: 'IT_INCIDENT', count: 1 },
      ],
      open: 4,
      outwardReportsMissing: 2,
    });
    for (const headers of [{}, wardOwner]) {
      const o = await get('/incidents/overview', headers);
      expect(await total('/incidents?open=true', headers)).toBe(o.open);
      expect(await total('/incidents?open=true&outwardReportsMissing=true', headers)).toBe(
        o.outwardReportsMissing,
      );
      for (const { kind, count } of o.openByKind) {
        expect(await total(`/incidents?open=true&kind=${kind}`, headers)).toBe(count);
      }
    }
    expect(await get('/incidents/overview', wardOwner)).toEqual({
      openByKind: [
        { kind: 'CARE_INJURY', count: 1 },
        { kind: 'DEVIATION', count: 1 },
      ],
      open: 2,
      outwardReportsMissing: 1,
    });
    expect(await total('/incidents?open=false')).toBe(1);
  });
});
