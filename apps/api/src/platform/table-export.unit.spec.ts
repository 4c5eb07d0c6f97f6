import ExcelJS from 'exceljs';
import {
  exportFileOf,
  selectionOf,
  stockholmDate,
  stockholmWallClock,
  xlsxOf,
  type ExportColumn,
} from './table-export';

interface Row {
  id: string;
  title: string;
  score: number | null;
  due: string | null;
  at: string;
  open: boolean;
}

const COLUMNS: readonly ExportColumn<Row>[] = [
  { en: 'id', sv: 'Id', kind: 'text', read: (r) => r.id },
  { en: 'title', sv: 'Rubrik', kind: 'text', read: (r) => r.title },
  { en: 'score', sv: 'Riskvärde', kind: 'number', read: (r) => r.score },
  { en: 'due', sv: 'Förfaller', kind: 'date', read: (r) => r.due },
  { en: 'at', sv: 'Tidpunkt', kind: 'instant', read: (r) => r.at },
  { en: 'open', sv: 'Öppen', kind: 'boolean', read: (r) => r.open },
];

const ROWS: Row[] = [
  { id: 'a', title: '=1+1', score: 12, due: '2027-03-31', at: '2026-07-01T10:00:00Z', open: true },
  { id: 'b', title: 'Plain', score: null, due: null, at: '2026-12-05T10:00:00Z', open: false },
];

const table = (selection: [string, string][] = []) => ({
  sheet: { sv: 'Blad', en: 'Sheet' },
  fileName: 'register',
  columns: COLUMNS,
  rows: ROWS,
  selection,
  at: new Date('2026-12-05T23:30:00Z'),
});

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('the XLSX writer', () => {
  it('writes typed cells under a frozen bold header; text that looks like a formula stays text', async () => {
    const sheet = (await read(await xlsxOf('sv', table()))).worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Id',
      'Rubrik',
      'Riskvärde',
      'Förfaller',
      'Tidpunkt',
      'Öppen',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const a = sheet.getRow(2);
    expect(a.getCell(2).value).toBe('=1+1');
    expect(a.getCell(2).formula).toBeUndefined();
    expect(a.getCell(3).value).toBe(12);
    expect(a.getCell(4).value).toEqual(new Date('2027-03-31T00:00:00Z'));
    // 10:00 UTC in July is 12:00 in Stockholm (summer time).
    expect(a.getCell(5).value).toEqual(new Date('2026-07-01T12:00:00Z'));
    expect(a.getCell(6).value).toBe(true);
    const b = sheet.getRow(3);
    expect(b.getCell(3).value).toBeNull();
    expect(b.getCell(4).value).toBeNull();
    // December: winter time, one hour ahead.
    expect(b.getCell(5).value).toEqual(new Date('2026-12-05T11:00:00Z'));
  });

  it('notes the filters on a second sheet, or that there were none', async () => {
    const filtered = (await read(await xlsxOf('en', table([['area', 'FIRE_SAFETY']]))))
      .worksheets[1];
    expect(filtered.name).toBe('Filter');
    expect(filtered.getColumn(1).values).toContain('Filter: area');
    expect(filtered.getColumn(2).values).toContain('FIRE_SAFETY');
    const all = (await read(await xlsxOf('sv', table()))).worksheets[1];
    expect(all.name).toBe('Urval');
    expect(all.getColumn(2).values).toContain('Inga: alla rader');
  });

  it('names the file by the Swedish day it was made', async () => {
    // 23:30 UTC on 5 December is already 6 December in Sweden.
    expect((await exportFileOf('xlsx', 'sv', table())).fileName).toBe('register-2026-12-06.xlsx');
    const csv = await exportFileOf('csv', 'sv', table());
    expect(csv.fileName).toBe('register-2026-12-06.csv');
    expect(csv.body).toMatch(/^\uFEFFid,title,score,due,at,open\r\n/);
  });

  it('reads Swedish time across the change to summer time', () => {
    expect(stockholmWallClock(new Date('2026-03-29T00:59:00Z')).toISOString()).toBe(
      '2026-03-29T01:59:00.000Z',
    );
    expect(stockholmWallClock(new Date('2026-03-29T01:00:00Z')).toISOString()).toBe(
      '2026-03-29T03:00:00.000Z',
    );
    expect(stockholmDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('notes the query fields but the file form', () => {
    expect(
      selectionOf({ format: 'xlsx', lang: 'en', area: 'X', includeSubunits: true, q: undefined }),
    ).toEqual([
      ['area', 'X'],
      ['includeSubunits', 'true'],
    ]);
  });
});
