import { readSheet, UnreadableFileError } from './spreadsheet-file';

describe('readSheet', () => {
  it('reads CSV as Swedish Excel saves it: semicolons, Windows-1252, quoted line breaks', async () => {
    const text = 'Titel;Enhet\r\n"Brand i förrådet; natt";HN\r\n;\r\n"Två\r\nrader";HS\r\n';
    const sheet = await readSheet(Buffer.from(text, 'latin1'));
    expect(sheet.headers).toEqual(['Titel', 'Enhet']);
    expect(sheet.rows).toEqual([
      { number: 2, cells: ['Brand i förrådet; natt', 'HN'] },
      { number: 4, cells: ['Två\r\nrader', 'HS'] },
    ]);
  });

  it('keeps every CSV cell as written, with a byte order mark and commas', async () => {
    const sheet = await readSheet(Buffer.from('\uFEFFKod,Namn\r\n0123,2027-06-30\r\n', 'utf8'));
    expect(sheet.headers).toEqual(['Kod', 'Namn']);
    expect(sheet.rows[0].cells).toEqual(['0123', '2027-06-30']);
  });

  it('refuses a zip that is no workbook', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(20)]);
    await expect(readSheet(zip)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});
