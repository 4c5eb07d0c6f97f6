import type ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';

/** A row of an uploaded sheet: its number as the spreadsheet shows it, and its cells as text. */
export interface SheetRow {
  readonly number: number;
  readonly cells: readonly string[];
}

/** The first sheet of an uploaded file: the header row and the rows with anything in them. */
export interface Sheet {
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
}

/** A file that is neither a readable XLSX workbook nor CSV text. */
export class UnreadableFileError extends Error {}

/** XLSX is a zip archive; anything else is taken for CSV. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an uploaded CSV or XLSX file: its first sheet. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  const worksheet = bytes.subarray(0, 4).equals(ZIP_MAGIC)
    ? await firstXlsxSheet(bytes)
    : await csvSheet(bytes);
  const [header, ...rest] = rowsOf(worksheet);
  if (!header) throw new UnreadableFileError('the file has no header row');
  return {
    headers: header.cells,
    rows: rest.filter((row) => row.cells.some((cell) => cell !== '')),
  };
}

async function firstXlsxSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  // Loaded on first use: the module costs the API 30 MB of memory it rarely needs.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFileError('the file is not a readable XLSX workbook');
  }
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new UnreadableFileError('the workbook has no sheet');
  return sheet;
}

/**
 * CSV as Excel writes it: UTF-8 (with or without a byte order mark) or, from older Excel, Windows
 * 1252; separated by commas, or by semicolons as Swedish Excel does, or tabs.
 */
async function csvSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const text = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  try {
    // Every cell stays the text it was: no guessing of numbers or dates.
    const { Workbook } = (await import('exceljs')).default;
    return await new Workbook().csv.read(Readable.from([text]), {
      map: (value: string) => value,
      parserOptions: { delimiter },
    } as never);
  } catch (error) {
    throw new UnreadableFileError(`the file is not readable CSV: ${(error as Error).message}`);
  }
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      cells.push(textOf(row.getCell(column).value));
    }
    rows.push({ number, cells });
  });
  return rows;
}

/** A cell as the text a person typed: dates as YYYY-MM-DD, numbers as written, formulas' results. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return textOf(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}
