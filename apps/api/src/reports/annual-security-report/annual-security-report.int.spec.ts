import { PostgresEventStore } from '@riskledger/event-store';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../../test/support/api-under-test';
import { metadata } from '../../../../../test/support/domain-events';
import { bearerFor } from '../../../../../test/support/sign-in';
import { XLSX_TYPE } from '../../platform/table-export';
import { goalSet, indicatorMeasured } from '../../../../../test/support/goal-events';

/**
 * The report for 2025 over a history written to the real store as it was recorded then: the
 * store's clock is moved to each moment. Risk events are written in their first published
 * versions, as 2025's API wrote them, and read back through the upcasters.
 */
describe('GET /reports/annual/:year', () => {
  let t: ApiUnderTest;
  let clock = new Date();
  let store: PostgresEventStore;
  const risk = { pharmacy: randomUUID(), fire: randomUUID(), it: randomUUID() };
  const goal = randomUUID();

  async function at(
    moment: string,
    streamType: string,
    streamId: string,
    type: string,
    data: Record<string, unknown>,
  ) {
    clock = new Date(moment);
    const version = await store.streamVersion(streamId);
    // Old events as written then: the first schema version, except where a later one was current.
    const schemaVersion = type === 'IncidentReported' ? 2 : 1;
    await store.append(streamType, streamId, version, [
      { type, schemaVersion, data, metadata: metadata() },
    ]);
  }

  beforeAll(async () => {
    t = await startApi();
    store = new PostgresEventStore(t.db.dataSource, () => clock);
    const identified = (riskId: string, area: string) => ({
      riskId,
      title: 'A risk',
      description: 'Because of a cause, an event happens, which leads to a consequence.',
      area,
      unit: 'Hospital North',
      owner: null,
    });
    const assessed = (riskId: string, likelihood: number, consequence: number, level: string) => ({
      riskId,
      likelihood,
      consequence,
      score: likelihood * consequence,
      level,
      matrixVersion: 1,
    });
    const incident = (area: string, kind: string) => ({
      incidentId: randomUUID(),
      title: 'Found open',
      description: 'Found open at night',
      area,
      unit: 'Ward 12',
      occurredAt: '2025-03-01T02:00:00.000Z',
      riskIds: [],
      kind,
      severity: 2,
      immediateActions: null,
    });
    // The fire risk was identified in 2024 and closed in 2025.
    await at(
      '2024-10-01T09:00:00Z',
      'risk',
      risk.fire,
      'RiskIdentified',
      identified(risk.fire, 'FIRE_SAFETY'),
    );
    await at('2025-01-10T09:00:00Z', 'goal', goal, 'SecurityGoalSet', goalSet(goal).data);
    await at(
      '2025-02-01T09:00:00Z',
      'risk',
      risk.pharmacy,
      'RiskIdentified',
      identified(risk.pharmacy, 'PHARMACEUTICALS'),
    );
    await at(
      '2025-02-01T09:00:01Z',
      'risk',
      risk.pharmacy,
      'RiskAssessed',
      assessed(risk.pharmacy, 4, 4, 'HIGH'),
    );
    await at(
      '2025-03-01T09:00:00Z',
      'risk',
      risk.it,
      'RiskIdentified',
      identified(risk.it, 'IT_SECURITY'),
    );
    await at(
      '2025-03-01T09:00:01Z',
      'risk',
      risk.it,
      'RiskAssessed',
      assessed(risk.it, 2, 3, 'MEDIUM'),
    );
    await at(
      '2025-03-02T09:00:00Z',
      'incident',
      randomUUID(),
      'IncidentReported',
      incident('PHARMACEUTICALS', 'DEVIATION'),
    );
    await at(
      '2025-04-02T09:00:00Z',
      'incident',
      randomUUID(),
      'IncidentReported',
      incident('PHARMACEUTICALS', 'NEAR_MISS'),
    );
    await at('2025-05-01T09:00:00Z', 'risk', risk.fire, 'RiskClosed', {
      riskId: risk.fire,
      reason: 'Building demolished',
    });
    await at('2025-06-01T09:00:00Z', 'risk', risk.pharmacy, 'MitigationPlanned', {
      riskId: risk.pharmacy,
      mitigationId: 'b1c2d3e4-0000-4000-8000-000000000001',
      title: 'Card access',
      kind: 'LIMIT',
      owner: null,
      dueDate: '2025-09-30',
    });
    await at('2025-06-20T09:00:00Z', 'risk', risk.pharmacy, 'MitigationApplied', {
      riskId: risk.pharmacy,
      mitigationId: 'b1c2d3e4-0000-4000-8000-000000000001',
      note: 'Reader installed',
    });
    await at(
      '2025-07-01T09:00:00Z',
      'goal',
      goal,
      'IndicatorMeasured',
      indicatorMeasured(goal, randomUUID(), 60, '2025-06-30').data,
    );
    await at('2025-09-01T09:00:00Z', 'risk', risk.pharmacy, 'MitigationVerified', {
      riskId: risk.pharmacy,
      mitigationId: 'b1c2d3e4-0000-4000-8000-000000000001',
      effect: 'No entries after hours since',
    });
    // After the year: the year-end figure of the goal, and events that belong to 2026.
    await at(
      '2026-01-20T09:00:00Z',
      'goal',
      goal,
      'IndicatorMeasured',
      indicatorMeasured(goal, randomUUID(), 92, '2025-12-31').data,
    );
    await at('2026-02-01T09:00:00Z', 'risk', risk.it, 'RiskClosed', {
      riskId: risk.it,
      reason: 'System replaced',
    });
    await at(
      '2026-02-02T09:00:00Z',
      'incident',
      randomUUID(),
      'IncidentReported',
      incident('PHARMACEUTICALS', 'ACCIDENT'),
    );
  });
  afterAll(() => t?.stop());

  const areaOf = (body: { areas: { area: string }[] }, area: string): any =>
    body.areas.find((a) => a.area === area);

  it('reports each area: goals and fulfilment, risks, incidents by kind, mitigations', async () => {
    const response = await t.api.get('/reports/annual/2025');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body).toMatchObject({
      year: 2025,
      period: { from: '2024-12-31T23:00:00.000Z', until: '2025-12-31T23:00:00.000Z' },
    });
    expect(response.body.areas.map((a: { area: string }) => a.area)).toEqual(
      expect.arrayContaining(['FIRE_SAFETY', 'PHARMACEUTICALS', 'IT_SECURITY', 'HOSPITAL_HYGIENE']),
    );
    expect(areaOf(response.body, 'FIRE_SAFETY')).toMatchObject({
      goals: {
        total: 1,
        met: 1,
        items: [
          { goalId: goal, fulfilment: 'MET', latestValue: 92, latestMeasuredOn: '2025-12-31' },
        ],
      },
      risks: { identified: 0, closed: 1, openAtYearEnd: 0 },
    });
    expect(areaOf(response.body, 'PHARMACEUTICALS')).toMatchObject({
      risks: {
        identified: 1,
        assessed: 1,
        closed: 0,
        openAtYearEnd: 1,
        levelsAtYearEnd: { HIGH: 1 },
      },
      incidents: { reported: 2, byKind: { DEVIATION: 1, NEAR_MISS: 1, ACCIDENT: 0 } },
      mitigations: { applied: 1, verified: 1 },
    });
    expect(areaOf(response.body, 'IT_SECURITY').risks).toMatchObject({
      identified: 1,
      closed: 0,
      openAtYearEnd: 1,
      levelsAtYearEnd: { MEDIUM: 1 },
    });
  });

  it('regenerates exactly the report as it was at a past moment (asOf)', async () => {
    const asOf = '2026-01-01T00:00:00Z';
    const first = await t.api.get(`/reports/annual/2025?asOf=${asOf}`);
    const again = await t.api.get(`/reports/annual/2025?asOf=${first.body.asOf}`);

    expect(first.status).toBe(200);
    expect(first.body.asOf).toBe('2026-01-01T00:00:00.000Z');
    expect(again.body).toEqual(first.body);
    // The year-end figure was recorded on 20 January: on New Year's Day the goal stood at 60 %.
    expect(areaOf(first.body, 'FIRE_SAFETY').goals).toMatchObject({
      notMet: 1,
      items: [{ latestValue: 60, fulfilment: 'NOT_MET' }],
    });
  });

  it('gives one area when asked', async () => {
    const response = await t.api.get('/reports/annual/2025?area=PHARMACEUTICALS');
    expect(response.body.areas.map((a: { area: string }) => a.area)).toEqual(['PHARMACEUTICALS']);
  });

  it('gives the report as CSV, by ?format=csv or by Accept: text/csv', async () => {
    for (const response of [
      await t.api.get('/reports/annual/2025?format=csv'),
      await t.api.get('/reports/annual/2025', { Accept: 'text/csv' }),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...rows] = (response.body as string).trim().split('\r\n');
      const pharmacy = rows.find((row) => row.startsWith('2025,PHARMACEUTICALS,'))!;
      const row = Object.fromEntries(
        header.split(',').map((name, i) => [name, pharmacy.split(',')[i]]),
      );
      expect(row).toMatchObject({
        incidents_reported: '2',
        mitigations_verified: '1',
        risks_at_year_end_high: '1',
      });
    }
  });

  it('gives the report as a spreadsheet, by ?format=xlsx or by Accept, Swedish and typed', async () => {
    for (const [path, headers] of [
      ['/reports/annual/2025?format=xlsx', {}],
      ['/reports/annual/2025', { Accept: XLSX_TYPE }],
    ] as const) {
      const response = await fetch(`${t.baseUrl}${path}`, {
        headers: { Authorization: `Bearer ${await bearerFor('anna.berg')}`, ...headers },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="sakerhetsberattelse-2025-\d{4}-\d{2}-\d{2}\.xlsx"$/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0];
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      expect(header.slice(0, 3)).toEqual(['År', 'Säkerhetsområde', 'Mål totalt']);
      const pharmacy = sheet
        .getRows(2, sheet.rowCount - 1)!
        .find((row) => row.getCell(2).value === 'Läkemedel')!;
      const cell = (name: string) => pharmacy.getCell(header.indexOf(name) + 1).value;
      expect(cell('År')).toBe(2025);
      expect(cell('Incidenter rapporterade')).toBe(2);
      expect(cell('Risker vid årets slut: Hög')).toBe(1);
      expect(cell('Åtgärder uppföljda')).toBe(1);
      const urval = workbook.getWorksheet('Urval')!;
      const noted = new Map(
        urval
          .getRows(2, urval.rowCount - 1)!
          .map((row) => [row.getCell(1).value, row.getCell(2).value]),
      );
      expect(noted.get('År (year)')).toBe('2025');
      expect(noted.get('Loggposition (lastPosition)')).toMatch(/^\d+$/);
    }
  });

  it('gives the report as a readable markdown document', async () => {
    const response = await t.api.get('/reports/annual/2025', { Accept: 'text/markdown' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(response.body).toContain('# Annual security report 2025');
    expect(response.body).toContain('## PHARMACEUTICALS');
    expect(response.body).toContain('1 mitigations applied, 1 verified.');
  });

  describe('as a document for the board', () => {
    async function fetchAs(path: string, accept?: string) {
      const response = await fetch(`${t.baseUrl}${path}`, {
        headers: {
          Authorization: `Bearer ${await bearerFor('anna.berg')}`,
          ...(accept ? { Accept: accept } : {}),
        },
      });
      expect(response.status).toBe(200);
      return response;
    }
    const textOf = (pdf: Buffer) =>
      execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();

    it('gives the document as HTML, stating the log position and the hash of the JSON', async () => {
      const json = await t.api.get('/reports/annual/2025');
      const response = await fetchAs('/reports/annual/2025', 'text/html');
      const html = await response.text();

      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(json.body).toMatchObject({ final: true, asOf: '2026-03-31T22:00:00.000Z' });
      expect(response.headers.get('x-content-hash')).toBe(json.body.contentHash);
      expect(html).toContain(json.body.contentHash);
      expect(html).toContain(`loggposition ${json.body.lastPosition}`);
      expect(html).toContain('<h2>Läkemedel</h2>');
    });

    it('prints a tagged PDF in Swedish whose text has the headings, the areas and the pages', async () => {
      const response = await fetchAs('/reports/annual/2025.pdf');
      const pdf = Buffer.from(await response.arrayBuffer());
      const text = textOf(pdf);

      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(execFileSync('pdfinfo', ['-'], { input: pdf }).toString()).toMatch(/Tagged:\s+yes/);
      // Tagged for assistive technology: headings, and tables with their header cells' scope.
      expect(execFileSync('pdfinfo', ['-struct', '-'], { input: pdf }).toString()).toMatch(
        /H1[\s\S]*H2[\s\S]*Table[\s\S]*TH[\s\S]*\/Scope \/Column[\s\S]*H3/,
      );
      for (const words of [
        'Säkerhetsberättelse 2025',
        'Sammanfattning för regionen',
        'Övergripande mål',
        'Måluppfyllelse',
        'Riskanalyser',
        'Riskprofil vid årets slut',
        'Förändring sedan föregående år',
        'Högsta risker',
        'Incidenter',
        'Rapporter till myndigheter',
        'Uppföljning och förbättringar',
        'Läkemedel',
        'Brandsäkerhet',
        'IT-säkerhet',
        'Vårdhygien',
        'Loggen läst till',
        'Sida 1 av',
      ]) {
        expect(text).toContain(words);
      }
      expect(text.replace(/\s+/g, '')).toContain(response.headers.get('x-content-hash'));
    });

    it('gives the same content and hash for the closed year, also after later events', async () => {
      const first = await fetchAs('/reports/annual/2025', 'application/pdf');
      const hash = first.headers.get('x-content-hash')!;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const before = await t.api.get('/reports/annual/2025');

      // Recorded now, long after the year closed: a correction for next year's report.
      clock = new Date();
      await at(
        clock.toISOString(),
        'goal',
        goal,
        'IndicatorMeasured',
        indicatorMeasured(goal, randomUUID(), 10, '2025-12-31').data,
      );
      await at(clock.toISOString(), 'risk', risk.pharmacy, 'RiskClosed', {
        riskId: risk.pharmacy,
        reason: 'Late',
      });

      const again = await fetchAs('/reports/annual/2025', 'application/pdf');
      expect(again.headers.get('x-content-hash')).toBe(hash);
      expect(textOf(Buffer.from(await again.arrayBuffer()))).toContain('Säkerhetsberättelse 2025');
      expect((await t.api.get('/reports/annual/2025')).body).toEqual(before.body);
    });

    it('writes English with lang=en', async () => {
      const response = await fetchAs('/reports/annual/2025.pdf?lang=en');
      const text = textOf(Buffer.from(await response.arrayBuffer()));
      expect(text).toContain('Annual security report 2025');
      expect(text).toContain('Pharmaceuticals');
      expect(text).toContain('Page 1 of');
    });
  });

  it.each([
    ['a year that is not a number', '/reports/annual/last', 'year'],
    ['a year before 2000', '/reports/annual/1999', 'year'],
    ['an unknown format', '/reports/annual/2025?format=docx', 'format'],
    ['an asOf without time zone', '/reports/annual/2025?asOf=2026-01-01T00:00:00', 'asOf'],
    ['a malformed area', '/reports/annual/2025?area=fire', 'area'],
  ])('refuses %s (400 naming %s)', async (_case, path, field) => {
    expectInvalidField(await t.api.get(path), field);
  });
});
