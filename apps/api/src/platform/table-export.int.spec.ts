import ExcelJS from 'exceljs';
import {
  expectInvalidField,
  startApi,
  type ApiUnderTest,
} from '../../../../test/support/api-under-test';
import { bearerFor } from '../../../../test/support/sign-in';
import { XLSX_TYPE } from './table-export';

/**
 * The register exports as spreadsheets, asked of the running API and read back with exceljs: the
 * headers a Swedish reader expects, typed cells, the frozen header row, the filters noted, and
 * only what the caller may see.
 */
describe('GET /risks/export and /incidents/export as XLSX', () => {
  let t: ApiUnderTest;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApi();
    ids.ward12 = await t.givenRisk({
      title: '=HYPERLINK("http://evil")',
      unit: 'WARD12',
      area: 'PHARMACEUTICALS',
      additionalAreas: ['FIRE_SAFETY'],
      likelihood: 4,
      consequence: 4,
      nextReviewDate: '2027-01-31',
    });
    ids.ward14 = await t.givenRisk({
      title: 'Server room unlocked',
      unit: 'WARD14',
      area: 'IT_SECURITY',
    });
    const incident = await t.api.post('/incidents', {
      title: 'Medicine room found open at night',
      description: 'Found open at 03:10; nothing missing after count.',
      area: 'PHARMACEUTICALS',
      unit: 'WARD12',
      kind: 'DEVIATION',
      severity: 3,
      occurredAt: '2026-01-20T03:10:00+01:00',
    });
    expect(incident.status).toBe(201);
    ids.incident = incident.body.id;
    const other = await t.api.post('/incidents', {
      title: 'Badge reader broken',
      description: 'The badge reader at the server room accepts any card.',
      area: 'IT_SECURITY',
      unit: 'WARD14',
      kind: 'DEFICIENCY',
      occurredAt: '2026-02-01T10:00:00+01:00',
    });
    expect(other.status).toBe(201);
    ids.otherIncident = other.body.id;
    for (const id of Object.values(ids)) await t.projectStream(id);
  });
  afterAll(() => t?.stop());

  async function download(path: string, headers: Record<string, string> = {}, role?: string) {
    const token = await bearerFor(role ? 'unit.coordinator' : 'anna.berg', role);
    const response = await fetch(`${t.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, ...headers },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return { response, workbook };
  }

  /** The data sheet as objects keyed by header, and the headers. */
  function table(workbook: ExcelJS.Workbook) {
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1) as string[];
    const rows: Record<string, ExcelJS.CellValue>[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const values = row.values as ExcelJS.CellValue[];
      rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
    });
    return { sheet, headers, rows };
  }

  /** The Urval sheet as what → value. */
  function selection(workbook: ExcelJS.Workbook): Map<string, ExcelJS.CellValue> {
    const sheet = workbook.worksheets[1];
    const noted = new Map<string, ExcelJS.CellValue>();
    sheet.eachRow((row, number) => {
      if (number > 1) noted.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    return noted;
  }

  it('gives the risk register with Swedish headers, typed cells, a frozen bold header and the filters', async () => {
    const { response, workbook } = await download(
      '/risks/export?format=xlsx&status=OPEN&sort=-score',
    );

    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="riskregister-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const { sheet, headers, rows } = table(workbook);
    expect(sheet.name).toBe('Riskregister');
    expect(headers).toEqual(
      expect.arrayContaining([
        'Risk-id',
        'Risk',
        'Säkerhetsområden',
        'Enhet',
        'Riskägare',
        'Nuvarande nivå',
        'Nuvarande riskvärde',
        'Nästa granskning',
      ]),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeDefined();

    const risk = rows.find((r) => r['Risk-id'] === ids.ward12)!;
    expect(risk['Risk']).toBe('=HYPERLINK("http://evil")');
    expect(risk['Säkerhetsområden']).toBe('Läkemedel; Brandsäkerhet');
    expect(risk['Nuvarande nivå']).toBe('Hög');
    expect(risk['Nuvarande riskvärde']).toBe(16);
    expect(risk['Nästa granskning']).toBeInstanceOf(Date);
    expect((risk['Nästa granskning'] as Date).toISOString()).toBe('2027-01-31T00:00:00.000Z');
    expect(rows).toHaveLength(2);

    const noted = selection(workbook);
    expect(workbook.worksheets[1].name).toBe('Urval');
    expect(noted.get('Status (status)')).toBe('OPEN');
    expect(noted.get('Sortering (sort)')).toBe('-score');
    expect(noted.get('Antal rader')).toBe(2);
    expect(noted.get('Exporterad (svensk tid)')).toBeInstanceOf(Date);
  });

  it('answers Accept: the spreadsheet type with the spreadsheet, and lang=en with the CSV headers', async () => {
    const { workbook } = await download('/risks/export?lang=en', { Accept: XLSX_TYPE });
    const { sheet, headers, rows } = table(workbook);
    expect(sheet.name).toBe('Risk register');
    expect(headers.slice(0, 4)).toEqual(['riskId', 'title', 'scenario', 'areas']);
    expect(rows.find((r) => r.riskId === ids.ward12)!.areas).toBe('Pharmaceuticals; Fire safety');
    expect(workbook.worksheets[1].name).toBe('Filter');
  });

  it('leaves out what a unit-limited caller may not see', async () => {
    const { workbook } = await download(
      '/risks/export?format=xlsx',
      {},
      'SECURITY_COORDINATOR:unit=WARD12',
    );
    const risks = table(workbook).rows.map((r) => r['Risk-id']);
    expect(risks).toEqual([ids.ward12]);

    const incidents = await download(
      '/incidents/export?format=xlsx',
      {},
      'SECURITY_COORDINATOR:unit=WARD12',
    );
    expect(table(incidents.workbook).rows.map((r) => r['Händelse-id'])).toEqual([ids.incident]);
  });

  it('gives the incident register with times as dates in Swedish time and severity as a number', async () => {
    const { response, workbook } = await download(
      '/incidents/export?format=xlsx&area=PHARMACEUTICALS',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="incidentregister-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const { sheet, headers, rows } = table(workbook);
    expect(sheet.name).toBe('Incidenter');
    expect(headers.slice(0, 6)).toEqual([
      'Händelse-id',
      'Händelse',
      'Beskrivning',
      'Typ',
      'Säkerhetsområde',
      'Enhet',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows).toHaveLength(1);
    const [incident] = rows;
    expect(incident['Typ']).toBe('Avvikelse');
    expect(incident['Säkerhetsområde']).toBe('Läkemedel');
    expect(incident['Allvarlighet (1–5)']).toBe(3);
    // 03:10 in Stockholm, shown as that wall-clock time (a spreadsheet cell has no zone).
    expect((incident['Inträffade'] as Date).toISOString()).toBe('2026-01-20T03:10:00.000Z');
    expect(selection(workbook).get('Säkerhetsområde (area)')).toBe('PHARMACEUTICALS');
  });

  it('gives the traceability log as a spreadsheet, filtered, with typed cells and the filters', async () => {
    const { response, workbook } = await download(
      '/traceability/export?format=xlsx&streamType=incident',
    );
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="handelselogg-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const { headers, rows } = table(workbook);
    expect(headers.slice(0, 4)).toEqual(['Position', 'När', 'Händelsetyp', 'Vem (användar-id)']);
    const listed = (await t.api.get('/traceability?streamType=incident&limit=1000')).body;
    expect(rows.map((row) => row.Position)).toEqual(
      listed.map((e: { position: number }) => e.position),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.Posttyp === 'incident')).toBe(true);
    expect(rows[0]['När']).toBeInstanceOf(Date);
    expect(selection(workbook).get('streamType')).toBe('incident');
    const csv = await t.api.get('/traceability/export?format=csv&streamType=incident');
    expect(String(csv.body).split('\r\n')[0]).toMatch(/^position,recordedAt,eventType,/);
  });

  it('still gives CSV at export.csv and by format=csv', async () => {
    const csv = await t.api.get('/risks/export.csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="risks.csv"');
    expect(csv.body).toMatch(/^\uFEFF?riskId,title,/);
    const byFormat = await t.api.get('/incidents/export?format=csv');
    expect(byFormat.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(byFormat.headers.get('content-disposition')).toMatch(/incidentregister-.*\.csv"/);
    expect(byFormat.body).toMatch(/^\uFEFF?incidentId,title,/);
  });

  it.each([
    ['/risks/export?format=pdf', 'format'],
    ['/incidents/export?format=ods', 'format'],
    ['/risks/export?format=xlsx&lang=de', 'lang'],
  ])('refuses %s (400 naming %s)', async (path, field) => {
    expectInvalidField(await t.api.get(path), field);
  });

  it('describes the spreadsheet in the OpenAPI document', async () => {
    const document = (await t.api.get('/docs-json')).body;
    for (const path of ['/risks/export', '/incidents/export']) {
      const get = document.paths[path].get;
      expect(Object.keys(get.responses['200'].content)).toEqual(['text/csv', XLSX_TYPE]);
      const format = get.parameters.find((p: { name: string }) => p.name === 'format');
      expect(format.schema.enum).toEqual(['csv', 'xlsx']);
    }
    const report = document.paths['/reports/annual/{year}'].get;
    expect(Object.keys(report.responses['200'].content)).toContain(XLSX_TYPE);
  });
});
