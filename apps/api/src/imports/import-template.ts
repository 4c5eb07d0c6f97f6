import { csvCell } from '../shared/csv';
import { CSV_TYPE, XLSX_TYPE, type ExportFile, type ExportFormat } from '../platform/table-export';
import type { ImportColumn } from './import-columns';
import type { ImportLanguage } from './import-problems';

/** A sheet of the template listing what a column may name (the areas in use, the units). */
export interface ReferenceSheet {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ImportTemplate {
  readonly fileName: string;
  readonly sheet: string;
  readonly columns: readonly ImportColumn[];
  readonly references: readonly ReferenceSheet[];
}

const WORDS = {
  sv: {
    columns: 'Kolumner',
    column: 'Kolumn',
    required: 'Obligatorisk',
    explain: 'Förklaring',
    example: 'Exempel',
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    columns: 'Columns',
    column: 'Column',
    required: 'Required',
    explain: 'Explanation',
    example: 'Example',
    yes: 'Yes',
    no: 'No',
  },
} as const;

/**
 * An empty import file to fill in. XLSX: the header row (bold, frozen, each header with a note
 * saying what it takes), a sheet explaining every column with an example, and sheets listing what
 * the reference columns may name. CSV: the header row only, for those who write CSV by hand.
 */
export async function templateFile(
  template: ImportTemplate,
  format: ExportFormat,
  language: ImportLanguage,
): Promise<ExportFile> {
  const headers = template.columns.map((column) => column[language]);
  const fileName = `${template.fileName}.${format}`;
  if (format === 'csv') {
    const body = '\uFEFF' + headers.map(csvCell).join(',') + '\r\n';
    return { contentType: CSV_TYPE, fileName, body };
  }
  const words = WORDS[language];
  // Loaded on first use: the module costs the API 30 MB of memory it rarely needs.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'riskledger';
  const sheet = workbook.addWorksheet(template.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.columns.map((column) => ({
    header: column[language],
    width: Math.max(14, column[language].length + 4),
    // Text cells, so that a code like 0123 or a date stays as typed.
    style: { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  template.columns.forEach((column, index) => {
    const required = column.required ? ` (${words.required.toLowerCase()})` : '';
    header.getCell(index + 1).note = `${column.explain[language]}${required}`;
  });

  const explained = workbook.addWorksheet(words.columns, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  explained.columns = [
    { header: words.column, width: 26 },
    { header: words.required, width: 12 },
    { header: words.explain, width: 80 },
    { header: words.example, width: 40 },
  ];
  explained.getRow(1).font = { bold: true };
  for (const column of template.columns) {
    explained.addRow([
      column[language],
      column.required ? words.yes : words.no,
      column.explain[language],
      column.example,
    ]);
  }
  for (const reference of template.references) {
    const listed = workbook.addWorksheet(reference.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    listed.columns = reference.headers.map((name) => ({ header: name, width: 36 }));
    listed.getRow(1).font = { bold: true };
    for (const row of reference.rows) listed.addRow([...row]);
  }
  return { contentType: XLSX_TYPE, fileName, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
