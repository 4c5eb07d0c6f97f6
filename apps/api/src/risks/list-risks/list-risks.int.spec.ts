import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';

/** GET /risks, its export and its matrix: the filters, the order and the pages. */
describe('GET /risks: filters, sort and paging', () => {
  let t: ApiUnderTest;
  const ids: Record<string, string> = {};
  const idsOf = (body: { items: { riskId: string }[] }) => body.items.map((r) => r.riskId);

  beforeAll(async () => {
    t = await startApi();
    for (const [code, parentCode, kind] of [
      ['RV', null, 'REGION'],
      ['HSV', 'RV', 'ADMINISTRATION'],
      ['MED', 'HSV', 'DEPARTMENT'],
      ['SURG', 'HSV', 'DEPARTMENT'],
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
    ids.medicine = await t.givenRisk({
      title: 'Unlocked medicine room',
      description: 'Anyone can walk in at night.',
      scenario: {
        cause: 'a broken door closer',
        event: 'unauthorised people enter',
        consequence: 'theft of 100% of the narcotics',
      },
      area: 'PHARMACEUTICALS',
      unit: 'WARD12',
      owner: 'ward.manager@region.se',
      likelihood: 4,
      consequence: 4,
    });
    ids.server = await t.givenRisk({
      title: 'Server room without UPS',
      description: 'No battery backup.',
      area: 'IT_SECURITY',
      additionalAreas: ['FIRE_SAFETY'],
      unit: 'MED',
      owner: '=it.lead@region.se',
      classification: 'RESTRICTED',
      likelihood: 2,
      consequence: 2,
    });
    ids.theatre = await t.givenRisk({
      title: 'Blocked fire exit by theatre 3',
      description: 'Trolleys stored in the corridor.',
      area: 'FIRE_SAFETY',
      unit: 'SURG',
      owner: 'ward.manager@region.se',
      likelihood: 5,
      consequence: 5,
    });
    ids.region = await t.givenRisk({
      title: 'No crisis plan',
      description: 'The region has no crisis plan.',
      area: 'CRISIS_PREPAREDNESS',
      unit: 'RV',
    });
    // A mitigation long overdue, and a closed risk.
    const planned = await t.api.post(`/risks/${ids.theatre}/mitigations`, {
      title: 'Clear the corridor',
      kind: 'ELIMINATE',
      dueDate: '2020-01-31',
    });
    expect(planned.status).toBe(201);
    expect(
      (await t.api.post(`/risks/${ids.region}/closure`, { reason: 'Plan adopted' })).status,
    ).toBe(201);
    // An incident that realised the medicine-room risk: it needs review.
    const incident = await t.api.post('/incidents', {
      title: 'Medicine room found open',
      description: 'Open at 03:10.',
      kind: 'DEVIATION',
      area: 'PHARMACEUTICALS',
      unit: 'WARD12',
      occurredAt: '2026-11-20T03:10:00+01:00',
    });
    expect(incident.status).toBe(201);
    const linked = await t.api.post(`/incidents/${incident.body.id}/risk-links`, {
      riskId: ids.medicine,
      relation: 'REALISED',
    });
    expect(linked.status).toBe(201);
    for (const id of [...Object.values(ids), incident.body.id]) await t.projectStream(id);
    // A review date passed (the commands refuse one in the past; the register may hold one).
    await t.db.dataSource.query(
      `UPDATE risk_register SET next_review_date = '2020-06-30' WHERE risk_id = $1`,
      [ids.server],
    );
  }, 60_000);
  afterAll(() => t?.stop());

  const list = async (query: string) => {
    const response = await t.api.get(`/risks?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it.each([
    ['area=FIRE_SAFETY', ['server', 'theatre']],
    ['area=PHARMACEUTICALS', ['medicine']],
    ['unit=MED', ['server']],
    ['unit=HSV&includeSubunits=true', ['medicine', 'server', 'theatre']],
    ['unit=MED&includeSubunits=true', ['medicine', 'server']],
    ['level=HIGH', ['medicine']],
    ['level=VERY_HIGH', ['theatre']],
    ['status=CLOSED', ['region']],
    ['status=OPEN', ['medicine', 'server', 'theatre']],
    ['owner=ward.manager%40region.se', ['medicine', 'theatre', 'region']],
    ['classification=RESTRICTED', ['server']],
    ['needsReview=true', ['medicine']],
    ['needsReview=false', ['server', 'theatre', 'region']],
    ['reviewOverdue=true', ['server']],
    ['mitigationOverdue=true', ['theatre']],
    ['q=CORRIDOR', ['theatre']],
    ['q=door%20closer', ['medicine']],
    ['q=100%25', ['medicine']],
    ['q=_', []],
    ['area=FIRE_SAFETY&unit=HSV&includeSubunits=true&status=OPEN', ['server', 'theatre']],
  ])('filters by %s', async (query, expected) => {
    const body = await list(query);
    expect(idsOf(body)).toEqual(expected.map((name) => ids[name]));
    expect(body.total).toBe(expected.length);
    // The same filter on the register as of now, computed from the log (review date aside).
    if (!query.startsWith('reviewOverdue')) {
      const asOf = await list(`${query}&asOf=${encodeURIComponent(new Date().toISOString())}`);
      expect(idsOf(asOf)).toEqual(idsOf(body));
    }
  });

  it.each([
    ['sort=-score', ['theatre', 'medicine', 'server', 'region']],
    ['sort=score', ['server', 'medicine', 'theatre', 'region']],
    ['sort=-level', ['theatre', 'medicine', 'server', 'region']],
    ['sort=title', ['theatre', 'region', 'server', 'medicine']],
    ['', ['medicine', 'server', 'theatre', 'region']],
  ])('sorts by %s, risks without a value last', async (query, expected) => {
    const body = await list(query);
    expect(idsOf(body)).toEqual(expected.map((name) => ids[name]));
    const asOf = await list(`${query}&asOf=${encodeURIComponent(new Date().toISOString())}`);
    expect(idsOf(asOf)).toEqual(idsOf(body));
  });

  it('gives a page at a time with the total of all pages', async () => {
    expect(await list('sort=-score&limit=2&offset=1')).toEqual({
      items: [
        expect.objectContaining({ riskId: ids.medicine }),
        expect.objectContaining({ riskId: ids.server }),
      ],
      total: 4,
      limit: 2,
      offset: 1,
    });
    expect(await list('limit=2&offset=10')).toEqual({ items: [], total: 4, limit: 2, offset: 10 });
    const asOf = await list(
      `limit=2&offset=3&asOf=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(asOf).toMatchObject({ total: 4, limit: 2, offset: 3, items: [{ riskId: ids.region }] });
  });

  it('exports the filtered register as CSV, one row per risk, formulas neutralised', async () => {
    const response = await t.api.get('/risks/export.csv?area=FIRE_SAFETY&sort=title');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (response.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'riskId,title,scenario,areas,unit,owner,status,classification,inherentLevel,' +
        'inherentScore,currentLevel,currentScore,targetLevel,targetScore,nextReviewDate,' +
        'needsReview,acceptanceLapsesOn,openMitigations',
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${ids.theatre},Blocked fire exit by theatre 3,,FIRE_SAFETY,SURG,ward.manager@region.se,` +
            'OPEN,OPEN,,,VERY_HIGH,25,,,\\d{4}-\\d\\d-\\d\\d,false,,1$',
        ),
      ),
      `${ids.server},Server room without UPS,,IT_SECURITY; FIRE_SAFETY,MED,'=it.lead@region.se,` +
        'OPEN,RESTRICTED,,,MEDIUM,4,,,2020-06-30,false,,0',
      '',
    ]);
    const medicine = await t.api.get('/risks/export.csv?q=medicine');
    expect(medicine.body).toContain(
      'Because of a broken door closer, unauthorised people enter, which leads to theft of 100% ' +
        'of the narcotics',
    );
  });

  it('counts the filtered risks in the 5×5 matrix: rows likelihood, columns consequence', async () => {
    const response = await t.api.get('/risks/matrix?status=OPEN');
    expect(response.status).toBe(200);
    // Identified with a likelihood and consequence: the current assessment, nothing else.
    const current = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => 0));
    for (const [l, c] of [
      [4, 4],
      [2, 2],
      [5, 5],
    ]) {
      current[l - 1][c - 1] += 1;
    }
    const none = current.map((row) => row.map(() => 0));
    expect(response.body).toEqual({
      inherent: none,
      current,
      target: none,
      total: 3,
    });
  });

  it.each([
    ['level', 'level=SEVERE'],
    ['mitigationOverdue', 'mitigationOverdue=1'],
    ['includeSubunits', 'includeSubunits=true'],
    ['sort', 'sort=-unknown'],
  ])('answers 400 naming %s on the export and the matrix too', async (field, query) => {
    expectInvalidField(await t.api.get(`/risks/export.csv?${query}`), field);
    if (field !== 'sort') expectInvalidField(await t.api.get(`/risks/matrix?${query}`), field);
  });
});

describe('GET /incidents?unit=&includeSubunits=true', () => {
  let t: ApiUnderTest;
  const incidents: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApi();
    for (const [code, parentCode, kind] of [
      ['RV', null, 'REGION'],
      ['HSV', 'RV', 'ADMINISTRATION'],
      ['MED', 'HSV', 'DEPARTMENT'],
      ['WARD12', 'MED', 'UNIT'],
    ]) {
      await t.api.post('/organisational-units', {
        code,
        name: `Unit ${code}`,
        kind,
        ...(parentCode === null ? {} : { parentCode }),
      });
    }
    for (const unit of ['WARD12', 'MED', 'RV']) {
      const reported = await t.api.post('/incidents', {
        title: `At ${unit}`,
        description: 'Seen on the round.',
        kind: 'DEVIATION',
        area: 'PHARMACEUTICALS',
        unit,
        occurredAt: '2026-11-20T03:10:00+01:00',
      });
      incidents[unit] = reported.body.id;
      await t.projectStream(reported.body.id);
    }
  }, 60_000);
  afterAll(() => t?.stop());

  it.each([
    ['unit=MED', ['MED']],
    ['unit=MED&includeSubunits=true', ['MED', 'WARD12']],
    ['unit=RV&includeSubunits=true', ['MED', 'RV', 'WARD12']],
    ['unit=RV&includeSubunits=false', ['RV']],
  ])('filters by %s', async (query, expected) => {
    const response = await t.api.get(`/incidents?${query}&sort=title`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((i: { incidentId: string }) => i.incidentId)).toEqual(
      expected.map((unit) => incidents[unit]),
    );
    const csv = await t.api.get(`/incidents/export.csv?${query}`);
    expect((csv.body as string).split('\r\n').length - 2).toBe(expected.length);
  });

  it('answers 400 for includeSubunits without a unit, or not a flag', async () => {
    expectInvalidField(await t.api.get('/incidents?includeSubunits=true'), 'includeSubunits');
    expectInvalidField(
      await t.api.get('/incidents?unit=MED&includeSubunits=yes'),
      'includeSubunits',
    );
  });
});
