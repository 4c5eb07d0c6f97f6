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
    const upload = io.progress(`${label}: upload`);
    let response: Response;
    try {
      const query = `dryRun=${dryRun}&lang=${options.lang}`;
      response = await fetch(`${options.api}/imports/${what}?${query}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': type,
          // The server's work (rows checked, streams appended) as it goes, then its answer.
          accept: 'application/x-ndjson, application/json',
        },
        body: uploadOf(bytes, upload),
        duplex: 'half',
      } as RequestInit);
    } finally {
      upload.stop();
    }
    if (!response.headers.get('content-type')?.startsWith('application/x-ndjson')) {
      const body = (await response.json().catch(() => ({}))) as Answer['body'];
      return { status: response.status, body };
    }
    return followProgress(response, (phase) => io.progress(`${label}: ${phase}`));
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

type Answer = { status: number; body: Partial<ImportReport> & { message?: unknown } };

/** Reads the import's progress lines into bars, one per phase, and returns its last line. */
async function followProgress(
  response: Response,
  barFor: (phase: string) => ReturnType<CliIo['progress']>,
): Promise<Answer> {
  let bar: { phase: string; report: ReturnType<CliIo['progress']> } | null = null;
  let answer: Answer = { status: 502, body: { message: 'the API ended its answer early' } };
  let buffer = '';
  const decoder = new TextDecoder();
  const take = (line: string) => {
    if (!line.trim()) return;
    const value = JSON.parse(line) as
      { progress: { phase: string; done: number; total: number } } | Answer;
    if ('progress' in value) {
      const { phase, done, total } = value.progress;
      if (bar?.phase !== phase) {
        bar?.report.stop();
        bar = { phase, report: barFor(phase) };
      }
      bar.report(done, total);
    } else answer = value;
  };
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(take);
    }
    take(buffer);
  } finally {
    (bar as { report: ReturnType<CliIo['progress']> } | null)?.report.stop();
  }
  return answer;
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
