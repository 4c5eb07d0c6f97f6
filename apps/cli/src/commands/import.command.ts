import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CliIo } from '../cli-io';

export interface ImportOptions {
  /** The API's address, e.g. http://localhost:3000. */
  api: string;
  token: string;
  dryRun?: boolean;
  lang: 'sv' | 'en';
}

interface ImportReport {
  fileSha256: string;
  correlationId: string;
  rows: number;
  created: number;
  alreadyImported: number;
  problems: { row: number | null; column: string | null; code: string; message: string }[];
}

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Bytes per piece of the upload: the progress bar moves a piece at a time. */
const PIECE = 64 * 1024;

/**
 * Imports risks or units from a CSV or XLSX file through the API, as the caller the token names:
 * first a dry run that lists every problem by row and column, then, if there is none and
 * --dry-run was not given, the import itself. Exit codes: 0 imported (or checked), 1 the file has
 * problems and nothing was imported, 2 the command could not run.
 */
export async function importCommand(
  io: CliIo,
  what: 'risks' | 'units',
  file: string,
  options: ImportOptions,
): Promise<number> {
  const type = TYPES[extname(file).toLowerCase()];
  if (!type) {
    io.err(`error: ${file}: give a .csv or .xlsx file`);
    return 2;
  }
  const bytes = await readFile(file);
  const send = async (dryRun: boolean, label: string) => {
    const progress = io.progress(label);
    try {
      const query = `dryRun=${dryRun}&lang=${options.lang}`;
      const response = await fetch(`${options.api}/imports/${what}?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': type },
        body: uploadOf(bytes, progress),
        duplex: 'half',
      } as RequestInit);
      const body = (await response.json().catch(() => ({}))) as Partial<ImportReport> & {
        message?: unknown;
      };
      return { status: response.status, body };
    } finally {
      progress.stop();
    }
  };

  const checked = await send(true, 'checking');
  if (checked.status !== 200) return refused(io, checked);
  const report = checked.body as ImportReport;
  if (report.problems.length > 0) {
    for (const p of report.problems) {
      const where = [p.row === null ? null : `row ${p.row}`, p.column].filter(Boolean).join(', ');
      io.out(`${where || 'file'}: ${p.message} [${p.code}]`);
    }
    io.err(`${report.problems.length} problem(s) in ${report.rows} rows: nothing imported`);
    return 1;
  }
  if (options.dryRun) {
    io.out(summary(report, 'would be created'));
    return 0;
  }
  const imported = await send(false, 'importing');
  if (imported.status !== 201) return refused(io, imported);
  io.out(summary(imported.body as ImportReport, 'created'));
  return 0;
}

function summary(report: ImportReport, verb: string): string {
  return (
    `${report.rows} rows: ${report.created} ${verb}, ${report.alreadyImported} already imported ` +
    `(file sha256 ${report.fileSha256}, correlation id ${report.correlationId})`
  );
}

function refused(io: CliIo, answer: { status: number; body: { message?: unknown } }): number {
  io.err(`error: the API answered ${answer.status}: ${JSON.stringify(answer.body.message ?? '')}`);
  return 2;
}

/** The file as a request body that reports how much of it has been sent. */
function uploadOf(bytes: Buffer, progress: (done: number, total: number) => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes.length) {
        controller.close();
        return;
      }
      const piece = bytes.subarray(sent, sent + PIECE);
      sent += piece.length;
      controller.enqueue(piece);
      progress(sent, bytes.length);
    },
  });
}
