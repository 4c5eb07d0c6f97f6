import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type ExcelJS from 'exceljs';
import { csvOf } from '../shared/csv';

/** The file forms of the register exports; the annual report adds its own (json, markdown). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The language of a spreadsheet's headers and labels: Swedish unless asked otherwise. */
export const EXPORT_LANGUAGES = ['sv', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** One cell as a column reads it; the column's kind says how a spreadsheet stores it. */
export type CellValue = string | number | boolean | null;

/**
 * text and number as they are; date a calendar date (YYYY-MM-DD); instant an ISO 8601 moment,
 * shown in a spreadsheet as Swedish wall-clock time (a spreadsheet cell has no time zone).
 */
export type CellKind = 'text' | 'number' | 'boolean' | 'date' | 'instant';

/**
 * One column of an export. The CSV keeps its English header (integrations read it); a spreadsheet
 * is for people and heads the column in the language asked for.
 */
export interface ExportColumn<T> {
  readonly en: string;
  readonly sv: string;
  readonly kind: CellKind;
  readonly read: (row: T) => CellValue;
}

/** A table to hand out as a file, with the selection that produced it. */
export interface TableExport<T> {
  /** The sheet's name, e.g. Riskregister / Risk register. */
  readonly sheet: { readonly sv: string; readonly en: string };
  /** The start of the file name, e.g. riskregister (the date and extension follow). */
  readonly fileName: string;
  readonly columns: readonly ExportColumn<T>[];
  readonly rows: readonly T[];
  /** The query parameters that chose the rows, as given in the address; [] when none. */
  readonly selection: readonly (readonly [string, string])[];
  /** When the export was made: the file's date and the Urval sheet's first line. */
  readonly at: Date;
}

/** A file ready to send: its media type, the name to save it as, and the bytes or text. */
export interface ExportFile {
  readonly contentType: string;
  readonly fileName: string;
  readonly body: string | Buffer;
}

export async function exportFileOf<T>(
  format: ExportFormat,
  language: ExportLanguage,
  table: TableExport<T>,
): Promise<ExportFile> {
  const fileName = `${table.fileName}-${stockholmDate(table.at)}.${format}`;
  if (format === 'csv') {
    return { contentType: CSV_TYPE, fileName, body: csvOf(table.columns, table.rows) };
  }
  return { contentType: XLSX_TYPE, fileName, body: await xlsxOf(language, table) };
}

/** What a GET .../export asks for: the file form, the spreadsheet's language, the filters to note. */
export interface ExportForm {
  readonly format: ExportFormat;
  readonly language: ExportLanguage;
  readonly selection: readonly (readonly [string, string])[];
}

/** GET .../export.csv: CSV with its English headers, and no sheet to note the filters on. */
export const CSV_EXPORT: ExportForm = { format: 'csv', language: 'en', selection: [] };

/**
 * The form a GET .../export asks for: `format`, else the Accept header, else CSV; the
 * spreadsheet's language from `lang`, else Swedish; and the query's filters.
 */
export function exportFormOf(
  query: { format?: ExportFormat; lang?: ExportLanguage },
  accept: string | undefined,
): ExportForm {
  const format = query.format ?? formatAccepted(accept) ?? 'csv';
  return { format, language: query.lang ?? 'sv', selection: selectionOf(query) };
}

/** The file a GET .../export asks for, ready to send. */
export async function exportResponse<T>(
  query: { format?: ExportFormat; lang?: ExportLanguage },
  accept: string | undefined,
  table: Omit<TableExport<T>, 'selection'>,
): Promise<StreamableFile> {
  const { format, language, selection } = exportFormOf(query, accept);
  return fileResponse(await exportFileOf(format, language, { ...table, selection }));
}

/** The query field choosing the file form of an export. */
export const ExportFormatField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'csv (RFC 4180, UTF-8, English headers, codes) or xlsx (a spreadsheet: headers and ' +
        `labels in the language of lang, typed cells, a second sheet naming the filters); the Accept header text/csv or ${XLSX_TYPE} does the same; csv when neither says`,
      enum: EXPORT_FORMATS,
      example: 'xlsx',
    }),
    IsOptional(),
    IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  );

/** The query field choosing a spreadsheet's language. */
export const ExportLanguageField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'The language of an xlsx file: sv (default) or en (the CSV headers); area names, levels ' +
        'and statuses follow it',
      enum: EXPORT_LANGUAGES,
      example: 'sv',
    }),
    IsOptional(),
    IsIn(EXPORT_LANGUAGES, { message: `lang must be one of ${EXPORT_LANGUAGES.join(', ')}` }),
  );

/** The filters of a request as noted in a file: every query field but the file form's own. */
export function selectionOf(query: object): [string, string][] {
  return Object.entries(query)
    .filter(([name, value]) => value !== undefined && name !== 'format' && name !== 'lang')
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
}

/** The file as a response body, with its Content-Type and Content-Disposition. */
export function fileResponse(file: ExportFile): StreamableFile {
  return new StreamableFile(
    typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body,
    { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` },
  );
}

/** The format an Accept header asks for, if it names one of ours. */
function formatAccepted(accept: string | undefined): ExportFormat | undefined {
  if (accept?.includes(XLSX_TYPE)) return 'xlsx';
  if (accept?.includes('text/csv')) return 'csv';
  return undefined;
}

/** The query fields in the words of the console's filters; the field's own name follows. */
const FILTER_NAMES: Readonly<Record<string, string>> = {
  year: 'År',
  area: 'Säkerhetsområde',
  unit: 'Enhet',
  includeSubunits: 'Med underliggande enheter',
  owner: 'Riskägare',
  status: 'Status',
  classification: 'Klassning',
  level: 'Nivå',
  basis: 'Bedömning',
  likelihood: 'Sannolikhet',
  consequence: 'Konsekvens',
  needsReview: 'Behöver granskas',
  reviewOverdue: 'Granskning försenad',
  reviewDueBefore: 'Granskas senast',
  acceptanceLapsesBefore: 'Riskacceptans upphör före',
  mitigationOverdue: 'Åtgärd försenad',
  kind: 'Typ',
  minSeverity: 'Lägst allvarlighet',
  occurredFrom: 'Inträffade från och med',
  occurredTo: 'Inträffade till och med',
  open: 'Bara pågående',
  outwardReportsMissing: 'Anmälan saknas',
  q: 'Sökord',
  sort: 'Sortering',
  asOf: 'Loggen läst till',
  lastPosition: 'Loggposition',
};

const HEADINGS = {
  sv: {
    selection: 'Urval',
    what: 'Uppgift',
    value: 'Värde',
    exportedAt: 'Exporterad (svensk tid)',
    rows: 'Antal rader',
    scope: 'Omfattning',
    scopeText: 'Det som den som exporterade har behörighet att se',
    times: 'Tider',
    timesText: 'Svensk tid (Europe/Stockholm)',
    noFilter: 'Filter',
    noFilterText: 'Inga: alla rader',
    filter: (name: string) => (FILTER_NAMES[name] ? `${FILTER_NAMES[name]} (${name})` : name),
  },
  en: {
    selection: 'Filter',
    what: 'Item',
    value: 'Value',
    exportedAt: 'Exported (Swedish time)',
    rows: 'Rows',
    scope: 'Scope',
    scopeText: 'What the person who exported may see',
    times: 'Times',
    timesText: 'Swedish time (Europe/Stockholm)',
    noFilter: 'Filter',
    noFilterText: 'None: every row',
    filter: (name: string) => `Filter: ${name}`,
  },
} as const;

const DATE_FORMAT = 'yyyy-mm-dd';
const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The table as an XLSX workbook: the rows on the first sheet under a bold, frozen header row with
 * an auto filter, dates and moments as date cells, numbers as numbers; a second sheet (Urval)
 * notes when it was made and the filters that chose the rows. Text is written as text, never as a
 * formula, so a cell starting with = is shown as typed.
 */
export async function xlsxOf<T>(language: ExportLanguage, table: TableExport<T>): Promise<Buffer> {
  const words = HEADINGS[language];
  // Loaded on the first workbook: the module costs the API 30 MB of memory it rarely needs.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'riskledger';
  workbook.created = table.at;

  const sheet = workbook.addWorksheet(table.sheet[language], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column) => ({
    header: column[language],
    key: column.en,
    width: widthOf(column, table.rows, language),
    style: styleOf(column.kind),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => cellOf(column.kind, column.read(row))));
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: table.columns.length },
  };

  const selection = workbook.addWorksheet(words.selection, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  selection.columns = [
    { header: words.what, key: 'what', width: 28 },
    { header: words.value, key: 'value', width: 60 },
  ];
  selection.getRow(1).font = { bold: true };
  selection.addRow([words.exportedAt, stockholmWallClock(table.at)]);
  selection.getCell('B2').numFmt = INSTANT_FORMAT;
  selection.addRow([words.rows, table.rows.length]);
  selection.addRow([words.scope, words.scopeText]);
  selection.addRow([words.times, words.timesText]);
  if (table.selection.length === 0) selection.addRow([words.noFilter, words.noFilterText]);
  for (const [name, value] of table.selection) selection.addRow([words.filter(name), value]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleOf(kind: CellKind): Partial<ExcelJS.Style> {
  if (kind === 'date') return { numFmt: DATE_FORMAT };
  if (kind === 'instant') return { numFmt: INSTANT_FORMAT };
  return {};
}

function cellOf(kind: CellKind, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (kind === 'date' && typeof value === 'string') {
    const [year, month, day] = value.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day));
  }
  if (kind === 'instant' && typeof value === 'string') {
    const moment = new Date(value);
    return Number.isNaN(moment.getTime()) ? value : stockholmWallClock(moment);
  }
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  return value;
}

/** Wide enough for the header and the longest value, within reason. */
function widthOf<T>(column: ExportColumn<T>, rows: readonly T[], language: ExportLanguage) {
  if (column.kind === 'date') return Math.max(12, column[language].length + 4);
  if (column.kind === 'instant') return Math.max(17, column[language].length + 4);
  let longest = column[language].length + 4;
  for (const row of rows.slice(0, 500)) {
    const value = column.read(row);
    if (value !== null) longest = Math.max(longest, String(value).length + 2);
  }
  return Math.min(longest, 60);
}

const STOCKHOLM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * The moment as Swedish wall-clock time in a zone-less date (its UTC fields carry the Swedish
 * time), which is how a spreadsheet stores and shows a date-time.
 */
export function stockholmWallClock(moment: Date): Date {
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(moment).map((p) => [p.type, p.value]));
  return new Date(
    Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  );
}

/** The calendar day in Sweden, YYYY-MM-DD. */
export function stockholmDate(moment: Date): string {
  return stockholmWallClock(moment).toISOString().slice(0, 10);
}
