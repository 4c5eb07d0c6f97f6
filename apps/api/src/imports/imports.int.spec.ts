import ExcelJS from 'exceljs';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { bearerFor } from '../../../../test/support/sign-in';
import { importedRiskId } from './import-identity';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bulk import over HTTP against the real PostgreSQL: the tree, then risks; a file with bad rows
 * appends nothing and names each; a good one appends every row; the same file again appends
 * nothing; a unit-scoped user may import only into their units.
 */
describe('bulk import', () => {
  let t: ApiUnderTest;

  /** Sends a file as the body, as the CLI and the console do. */
  const send = async (
    path: string,
    file: string | Buffer,
    options: { type?: string; role?: string; correlationId?: string; cleared?: boolean } = {},
  ) => {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': options.type ?? 'text/csv',
        authorization: `Bearer ${await bearerFor(options.role ? 'ward.owner' : 'anna', options.role, options.cleared ?? true)}`,
        ...(options.correlationId ? { 'x-correlation-id': options.correlationId } : {}),
      },
      body: file,
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as any,
    };
  };
  const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
  const RISK_HEADER = 'Titel;Beskrivning;Säkerhetsområde;Enhet;Sannolikhet;Konsekvens';

  beforeAll(async () => {
    t = await startApi();
  });
  afterAll(() => t?.stop());

  it('imports the tree, children before parents in the file, and a second time registers nothing', async () => {
    const tree = csv(
      'Kod,Namn,Överordnad enhet,Typ',
      'HN-W12,Avdelning 12,HN,Enhet',
      'HN,Sjukhuset Norr,RV,Förvaltning',
      'RV,Region Västerbotten,,Region',
      'HS,Sjukhuset Syd,RV,ADMINISTRATION',
    );
    const first = await send('/imports/units', tree);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rows: 4, created: 4, alreadyImported: 0, problems: [] });
    const ward = await t.api.get('/organisational-units/HN-W12');
    expect(ward.body).toMatchObject({
      parentCode: 'HN',
      kind: 'UNIT',
      path: ['RV', 'HN', 'HN-W12'],
    });

    const tangled = await send(
      '/imports/units?dryRun=true&lang=en',
      csv(
        'Code,Name,Parent unit,Kind',
        'A,Unit A,B,UNIT',
        'B,Unit B,A,UNIT',
        'HS,Sjukhuset Syd,RV,UNIT',
        'C,Unit C,RV,Ward',
      ),
    );
    expect(tangled.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Parent unit', code: 'unknown-parent' }),
      expect.objectContaining({ row: 3, column: 'Parent unit', code: 'unknown-parent' }),
      expect.objectContaining({ row: 4, column: 'Code', code: 'unit-registered-differently' }),
      expect.objectContaining({ row: 5, column: 'Kind', code: 'unknown-value' }),
    ]);

    const before = await t.eventCount();
    const again = await send('/imports/units', tree);
    expect(again.body).toMatchObject({ created: 0, alreadyImported: 4, problems: [] });
    expect(await t.eventCount()).toBe(before);
  });

  it('hands out the template: Swedish headers with notes and a sheet explaining them; English CSV', async () => {
    const response = await fetch(`${t.baseUrl}/imports/risks/template?format=xlsx`, {
      headers: { authorization: `Bearer ${await bearerFor('anna')}` },
    });
    expect(response.headers.get('content-type')).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const [risks, columns, areas, units] = workbook.worksheets;
    expect(risks.getRow(1).getCell(1).value).toBe('Titel');
    expect(String(risks.getRow(1).getCell(1).note)).toMatch(/högst 200 tecken/);
    expect(columns.name).toBe('Kolumner');
    expect(columns.getRow(2).values).toEqual(expect.arrayContaining(['Titel', 'Ja']));
    expect(areas.getColumn(1).values).toContain('PHARMACEUTICALS');
    expect(units.getColumn(1).values).toContain('HN-W12');

    const english = await fetch(`${t.baseUrl}/imports/risks/template?format=csv&lang=en`, {
      headers: { authorization: `Bearer ${await bearerFor('anna')}` },
    });
    expect(await english.text()).toMatch(/^\uFEFF?Title,Description,Cause,/);
  });

  it('names every bad row by row and column, in Swedish or English, and appends nothing', async () => {
    const file = csv(
      RISK_HEADER,
      'Olåst läkemedelsrum;Dörren går inte att låsa.;PHARMACEUTICALS;HN-W12;3;4',
      'Okänd enhet;Text.;läkemedel;HN-W99;;',
      'Fel poäng;Text.;PHARMACEUTICALS;HN;7;2',
      ';Text.;Inget sådant område;HS;;',
    );
    const dryRun = await send('/imports/risks?dryRun=true', file);
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dryRun: true, rows: 4, created: 0 });
    expect(dryRun.body.problems).toEqual([
      {
        row: 3,
        column: 'Enhet',
        code: 'unknown-unit',
        message: '”HN-W99” är ingen registrerad, öppen enhet (ange enhetens kod)',
      },
      expect.objectContaining({ row: 4, column: 'Sannolikhet', code: 'not-a-score' }),
      expect.objectContaining({ row: 5, column: 'Säkerhetsområde', code: 'unknown-area' }),
      expect.objectContaining({ row: 5, column: 'Titel', code: 'required' }),
    ]);

    const english = await send('/imports/risks?dryRun=true&lang=en', file);
    expect(english.body.problems[0].message).toBe(
      '"HN-W99" is not a registered, open organisational unit (give its code)',
    );

    const refused = await t.refused(() => send('/imports/risks', file));
    expect(refused.status).toBe(422);
    expect(refused.body.problems.map((p: { row: number }) => p.row)).toEqual([3, 4, 5, 5]);
  });

  it('imports every row of a good XLSX file with the same events as POST /risks, once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Risker');
    sheet.addRow([
      'Title',
      'Cause',
      'Event',
      'Outcome',
      'Security area',
      'Unit',
      'Likelihood',
      'Consequence',
      'Next review',
    ]);
    sheet.addRow([
      'Olåst läkemedelsrum',
      'en trasig dörrstängare',
      'obehöriga kommer in',
      'stöld',
      'Läkemedel',
      'HN-W12',
      3,
      4,
      new Date(Date.UTC(2027, 5, 30)),
    ]);
    sheet.addRow([
      'Reservkraft otestad',
      'ingen provkörning',
      'strömavbrott',
      'stopp i vården',
      'OPERATIONAL_RELIABILITY',
      'HS',
      null,
      null,
      null,
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const dryRun = await send('/imports/risks?dryRun=true', file, { type: XLSX });
    expect(dryRun.body).toMatchObject({ rows: 2, created: 2, problems: [] });

    const before = await t.eventCount();
    const imported = await send('/imports/risks', file, {
      type: XLSX,
      correlationId: 'import-2026',
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      created: 2,
      alreadyImported: 0,
      correlationId: 'import-2026',
    });
    expect(await t.eventCount()).toBe(before + 3);

    const events = await t.store.readStream(importedRiskId(imported.body.fileSha256, 2));
    expect(events.map((e) => e.type)).toEqual(['RiskIdentified', 'RiskAssessed']);
    expect(events[0].data).toMatchObject({
      title: 'Olåst läkemedelsrum',
      area: 'PHARMACEUTICALS',
      unit: 'HN-W12',
      cause: 'en trasig dörrstängare',
      nextReviewDate: '2027-06-30',
    });
    expect(events[1].data).toMatchObject({ likelihood: 3, consequence: 4, score: 12 });
    for (const event of events) {
      expect(event.metadata).toMatchObject({
        correlationId: 'import-2026',
        importedFrom: { fileSha256: imported.body.fileSha256, row: 2 },
      });
    }
    const history = await t.api.get(
      `/risks/${importedRiskId(imported.body.fileSha256, 2)}/history`,
    );
    expect(history.body.map((e: { importedFrom: unknown }) => e.importedFrom)).toEqual([
      { fileSha256: imported.body.fileSha256, row: 2 },
      { fileSha256: imported.body.fileSha256, row: 2 },
    ]);

    const again = await send('/imports/risks', file, { type: XLSX });
    expect(again.body).toMatchObject({ created: 0, alreadyImported: 2, problems: [] });
    expect(await t.eventCount()).toBe(before + 3);
  });

  it('tells its progress a line at a time when asked, then the answer it would have given', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `Risk ${i},Text,PHARMACEUTICALS,HN-W12`);
    const csv = ['Title,Description,Security area,Unit', ...rows].join('\r\n');
    const send = async (query: string) => {
      const response = await fetch(`${t.baseUrl}/imports/risks?${query}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await bearerFor('anna')}`,
          'Content-Type': 'text/csv',
          Accept: 'application/x-ndjson',
        },
        body: csv,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      return (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    };
    const imported = await send('dryRun=false&lang=en');
    const progress = imported.filter((line) => 'progress' in line).map((line) => line.progress);
    expect(progress.filter((p) => p.phase === 'checking').at(-1)).toEqual({
      phase: 'checking',
      done: 1200,
      total: 1200,
    });
    expect(progress.filter((p) => p.phase === 'appending').map((p) => p.done)).toEqual([
      500, 1000, 1200,
    ]);
    expect(imported.at(-1)).toMatchObject({ status: 201, body: { rows: 1200, created: 1200 } });

    const again = await send('dryRun=false&lang=en');
    expect(again.at(-1)).toMatchObject({
      status: 201,
      body: { created: 0, alreadyImported: 1200 },
    });
  });

  it('refuses a request that is no file, or asks in a language it does not speak, with 400', async () => {
    const json = await t.refused(() => t.api.post('/imports/risks', { title: 'Not a file' }));
    expect(json.status).toBe(400);
    expect(json.body.message).toMatch(/the body must be the file itself/);
    const german = await send('/imports/risks?dryRun=true&lang=de', csv(RISK_HEADER));
    expect(german.status).toBe(400);
    expect(german.body.message).toBe('lang must be one of sv, en');
    const header = await send('/imports/risks?dryRun=true', csv('Titel;Enhet;Färg', 'A;HN;Röd'));
    expect(header.body.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'Färg', code: 'unknown-column' }),
      expect.objectContaining({ row: 1, column: 'Säkerhetsområde', code: 'missing-column' }),
    ]);
  });

  it('lets a unit-scoped risk owner import into their unit only', async () => {
    const role = 'RISK_OWNER:unit=HN-W12';
    const elsewhere = csv(
      RISK_HEADER,
      'I min enhet;Text.;PHARMACEUTICALS;HN-W12;;',
      'I en annan enhet;Text.;PHARMACEUTICALS;HS;;',
    );
    const refused = await t.refused(() => send('/imports/risks', elsewhere, { role }));
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'Enhet', code: 'outside-scope' }),
    ]);

    const restricted = await send(
      '/imports/risks?dryRun=true',
      csv(
        'Titel;Beskrivning;Säkerhetsområde;Enhet;Klassning',
        'Hemlig;Text.;IT_SECURITY;HN-W12;Säkerhetsskydd',
      ),
      { role, cleared: false },
    );
    expect(restricted.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Klassning', code: 'not-cleared' }),
    ]);

    const own = csv(RISK_HEADER, 'I min enhet;Text.;PHARMACEUTICALS;HN-W12;;');
    expect((await send('/imports/risks', own, { role })).status).toBe(201);
    expect((await send('/imports/units', own, { role })).status).toBe(403);
  });
});
