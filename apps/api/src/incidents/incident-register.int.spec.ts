import { randomUUID } from 'node:crypto';
import { envelopeOf } from '@riskledger/contracts';
import { IncidentRegisterProjection, project } from '@riskledger/read-models';
import {
  ACTOR,
  expectInvalidField,
  startApi,
  UUID,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';

/**
 * The incident register and its export. With no projector running, the tests feed the register
 * every stored event through the real projection code, as the projector does from Kafka.
 */
describe('the incident register', () => {
  let t: ApiUnderTest;
  const projection = new IncidentRegisterProjection();

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  /** Every stream, each in version order (the projection needs no order across streams). */
  async function projectAll(): Promise<void> {
    const streams: { stream_id: string }[] = await t.db.dataSource.query(
      `SELECT stream_id FROM events GROUP BY stream_id ORDER BY min(position)`,
    );
    for (const { stream_id } of streams) {
      for (const event of await t.store.readStream(stream_id)) {
        await project(t.db.dataSource, projection, envelopeOf(event));
      }
    }
  }

  async function report(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.api.post('/incidents', {
      title: 'Medicine room found open at night',
      description: 'Found open at 03:10; nothing missing after count.',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      kind: 'DEVIATION',
      occurredAt: '2026-01-20T03:10:00+01:00',
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  describe('GET /incidents/:id', () => {
    it('shows the incident with its links, investigation, outward reports and what is still missing', async () => {
      const riskId = await t.givenRisk();
      const id = await report({ kind: 'CARE_INJURY', severity: 4, riskIds: [riskId] });
      await t.api.post(`/incidents/${id}/risk-links`, { riskId, relation: 'REALISED' });
      await t.api.post(
        `/incidents/${id}/investigation`,
        { findings: 'Wrong dose given', rootCause: 'Two similar packages side by side' },
        { 'X-Actor': 'investigator@region.se' },
      );
      const identified = await t.api.post('/risks', {
        title: 'Similar packages stored side by side',
        description: 'Because similar packages stand together, the wrong drug can be given.',
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        sourceIncidentId: id,
      });
      expect(identified.status).toBe(201);
      await projectAll();

      const response = await t.api.get(`/incidents/${id}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"3"');
      expect(response.body).toMatchObject({
        incidentId: id,
        kind: 'CARE_INJURY',
        severity: 4,
        area: 'PHARMACEUTICALS',
        unit: 'Hospital North / Ward 12',
        occurredAt: '2026-01-20T02:10:00.000Z',
        status: 'INVESTIGATED',
        reportedBy: ACTOR,
        findings: 'Wrong dose given',
        rootCause: 'Two similar packages side by side',
        investigatedBy: 'investigator@region.se',
        outwardReports: [],
        outwardReportsRequired: ['IVO'],
        outwardReportsMissing: ['IVO'],
        version: 3,
      });
      expect(
        response.body.linkedRisks.map((l: { riskId: string; relation: string }) => [
          l.riskId,
          l.relation,
        ]),
      ).toEqual([
        [riskId, 'REALISED'],
        [identified.body.id, 'IDENTIFIED_FROM'],
      ]);

      await t.api.post(`/incidents/${id}/outward-reports`, {
        authority: 'IVO',
        reference: 'IVO 3.1-777/2026',
        reportedAt: '2026-01-21T09:00:00Z',
      });
      await t.api.post(`/incidents/${id}/actions`, {
        actions: [{ riskId: identified.body.id, description: 'Store the packages apart' }],
      });
      await t.api.post(`/incidents/${id}/closure`, { summary: 'Packages stored apart' });
      await projectAll();

      const closed = await t.api.get(`/incidents/${id}`);
      expect(closed.body).toMatchObject({
        status: 'CLOSED',
        outwardReportsMissing: [],
        outwardReports: [{ authority: 'IVO', reference: 'IVO 3.1-777/2026' }],
        actions: [{ riskId: identified.body.id, description: 'Store the packages apart' }],
        closingSummary: 'Packages stored apart',
        version: 6,
      });
    });

    it('answers 404 for an incident not in the register, 400 for an id that is no UUID', async () => {
      expect((await t.api.get(`/incidents/${randomUUID()}`)).status).toBe(404);
      expect((await t.api.get('/incidents/not-an-id')).status).toBe(400);
    });
  });

  describe('GET /incidents', () => {
    const unit = `Clinic ${randomUUID().slice(0, 8)}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.early = await report({
        unit,
        title: 'Fire door wedged open',
        kind: 'DEFICIENCY',
        area: 'FIRE_SAFETY',
        severity: 2,
        occurredAt: '2026-02-01T10:00:00Z',
      });
      ids.middle = await report({
        unit,
        title: 'Laptop stolen from car',
        description: 'Contained 100% encrypted patient lists',
        kind: 'IT_INCIDENT',
        area: 'IT_SECURITY',
        severity: 4,
        occurredAt: '2026-03-01T10:00:00Z',
      });
      ids.late = await report({
        unit,
        title: 'Patient fell in corridor',
        kind: 'ACCIDENT',
        area: 'PATIENT_SAFETY',
        severity: 5,
        occurredAt: '2026-04-01T10:00:00Z',
      });
      ids.unrated = await report({
        unit,
        title: 'Badge reader out of order',
        kind: 'DEFICIENCY',
        area: 'CRIME_PREVENTION',
        occurredAt: '2026-05-01T10:00:00Z',
      });
      await t.api.post(`/incidents/${ids.early}/closure`, { summary: 'Door freed' });
      await projectAll();
    });

    const list = async (query: string) => {
      const response = await t.api.get(`/incidents?unit=${encodeURIComponent(unit)}&${query}`);
      expect(response.status).toBe(200);
      return response.body;
    };
    const listed = async (query: string) =>
      (await list(query)).items.map((e: { incidentId: string }) => e.incidentId);

    it('lists the newest first by default, a page at a time, with the total', async () => {
      expect(await list('')).toMatchObject({ total: 4, limit: 50, offset: 0 });
      expect(await listed('')).toEqual([ids.unrated, ids.late, ids.middle, ids.early]);
      expect(await list('limit=2&offset=1')).toMatchObject({ total: 4, limit: 2, offset: 1 });
      expect(await listed('limit=2&offset=1')).toEqual([ids.late, ids.middle]);
      expect(await list('offset=10')).toMatchObject({ items: [], total: 4 });
    });

    it('sorts by the field asked for, severity without one last', async () => {
      expect(await listed('sort=occurredAt')).toEqual([
        ids.early,
        ids.middle,
        ids.late,
        ids.unrated,
      ]);
      expect(await listed('sort=-severity')).toEqual([
        ids.late,
        ids.middle,
        ids.early,
        ids.unrated,
      ]);
      expect(await listed('sort=title')).toEqual([ids.unrated, ids.early, ids.middle, ids.late]);
    });

    it.each([
      ['area=IT_SECURITY', ['middle']],
      ['kind=DEFICIENCY', ['unrated', 'early']],
      ['status=CLOSED', ['early']],
      ['status=REPORTED', ['unrated', 'late', 'middle']],
      ['minSeverity=4', ['late', 'middle']],
      ['occurredFrom=2026-03-01T10:00:00Z&occurredTo=2026-04-01T10:00:00Z', ['late', 'middle']],
      ['occurredFrom=2026-03-01T11:00:00%2B01:00', ['unrated', 'late', 'middle']],
      ['q=LAPTOP', ['middle']],
      ['q=encrypted%20PATIENT', ['middle']],
      ['q=100%25', ['middle']],
      ['q=%25', ['middle']],
      ['q=nothing%20like%20this', []],
      ['kind=DEFICIENCY&minSeverity=1', ['early']],
    ])('filters by %s', async (query, expected) => {
      expect(await listed(query)).toEqual(expected.map((name) => ids[name]));
    });

    it.each([
      ['kind', 'kind=FIRE'],
      ['status', 'status=OPEN'],
      ['area', 'area=weather'],
      ['minSeverity', 'minSeverity=0'],
      ['minSeverity', 'minSeverity=high'],
      ['occurredFrom', 'occurredFrom=yesterday'],
      ['occurredTo', 'occurredTo=2026-01-01'],
      ['occurredTo', 'occurredFrom=2026-05-01T00:00:00Z&occurredTo=2026-04-01T00:00:00Z'],
      ['limit', 'limit=0'],
      ['limit', 'limit=501'],
      ['offset', 'offset=-1'],
      ['sort', 'sort=severity2'],
      ['q', `q=${'x'.repeat(201)}`],
      ['colour', 'colour=red'],
    ])('refuses a wrong %s with 400 naming it (case %#)', async (field, query) => {
      expectInvalidField(await t.api.get(`/incidents?${query}`), field);
    });
  });

  describe('GET /incidents/export.csv', () => {
    it('exports the filtered register as CSV, a row per incident, formulas neutralised', async () => {
      const unit = `Export ${randomUUID().slice(0, 8)}`;
      const plain = await report({
        unit,
        title: 'Door, "B" wing',
        occurredAt: '2026-02-01T10:00:00Z',
      });
      const formula = await report({
        unit,
        title: '=HYPERLINK("http://x")',
        occurredAt: '2026-02-02T10:00:00Z',
      });
      await projectAll();

      const response = await t.api.get(
        `/incidents/export.csv?unit=${encodeURIComponent(unit)}&sort=occurredAt`,
      );

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('incidents.csv');
      const lines: string[] = response.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^incidentId,title,description,kind,area,unit,occurredAt,/);
      expect(lines[1]).toMatch(new RegExp(`^${plain},"Door, ""B"" wing",`));
      expect(lines[2]).toMatch(new RegExp(`^${formula},"'=HYPERLINK\\(""http://x""\\)",`));
      expect(lines[3]).toBe('');
    });

    it('refuses a wrong filter, naming it', async () => {
      expectInvalidField(await t.api.get('/incidents/export.csv?kind=FIRE'), 'kind');
    });
  });

  describe('the OpenAPI document', () => {
    it('lists every incident endpoint, describing every request field and query value with an example', async () => {
      const document = (await t.api.get('/docs-json')).body;
      const operations = Object.entries(document.paths as Record<string, object>).flatMap(
        ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(operations).toEqual(
        expect.arrayContaining([
          'GET /incidents',
          'GET /incidents/export.csv',
          'GET /incidents/{id}',
          'POST /incidents/{id}/risk-links',
          'POST /incidents/{id}/investigation',
          'POST /incidents/{id}/actions',
          'POST /incidents/{id}/outward-reports',
          'POST /incidents/{id}/closure',
          'POST /incidents/{id}/dismissal',
        ]),
      );
      const requests = [
        'ReportIncidentRequest',
        'LinkIncidentToRiskRequest',
        'InvestigateIncidentRequest',
        'DecideIncidentActionsRequest',
        'IncidentActionRequest',
        'ReportIncidentToAuthorityRequest',
        'CloseIncidentRequest',
        'DismissIncidentRequest',
      ];
      const undocumented = requests.flatMap((name) =>
        Object.entries(document.components.schemas[name].properties as Record<string, any>)
          .filter(([, p]) => !p.description || p.example === undefined)
          .map(([field]) => `${name}.${field}`),
      );
      const queryValues = (path: string) =>
        document.paths[path].get.parameters.filter((p: { in: string }) => p.in === 'query');
      for (const path of ['/incidents', '/incidents/export.csv']) {
        undocumented.push(
          ...queryValues(path)
            .filter((p: any) => !p.description || (p.example ?? p.schema?.example) === undefined)
            .map((p: { name: string }) => `${path}?${p.name}`),
        );
      }
      expect(undocumented).toEqual([]);
      expect(queryValues('/incidents').map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['area', 'unit', 'kind', 'status', 'minSeverity', 'q', 'sort']),
      );
      const entry = document.components.schemas.IncidentRegisterEntryResponse.properties;
      expect(
        Object.entries(entry as Record<string, any>)
          .filter(([, p]) => !p.description)
          .map(([field]) => field),
      ).toEqual([]);
    });
  });

  it('keeps POST /incidents and the incident history working beside the register routes', async () => {
    const id = await report();
    expect(id).toMatch(UUID);
    const history = await t.api.get(`/incidents/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['IncidentReported']);
  });
});
