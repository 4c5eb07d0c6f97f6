import { HttpException, Logger, StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import type { ImportReportResponse } from './import-report.response';

/** How far an import has come: rows checked, then streams appended. */
export type ImportProgress = (phase: 'checking' | 'appending', done: number, total: number) => void;

/** The Accept type that asks for the import's progress as it goes (the CLI's progress bar). */
export const IMPORT_PROGRESS_TYPE = 'application/x-ndjson';

const logger = new Logger('ImportProgress');

export function wantsProgress(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.trim().startsWith(IMPORT_PROGRESS_TYPE));
}

/**
 * Runs an import and answers 200 with one JSON object a line: `{"progress": {phase, done, total}}`
 * at each whole per cent of rows checked and streams appended, then `{"status", "body"}`: the
 * status and body the import would have answered on its own (201 and the report, 422 and the
 * problems, 403 and the refusal).
 */
export function streamImport(
  run: (onProgress: ImportProgress) => Promise<ImportReportResponse>,
  doneStatus: number,
): StreamableFile {
  const lines = new PassThrough();
  const write = (value: unknown) => lines.write(`${JSON.stringify(value)}\n`);
  let shown = '';
  const onProgress: ImportProgress = (phase, done, total) => {
    const step = `${phase}:${Math.floor((100 * done) / Math.max(total, 1))}`;
    if (step === shown && done !== total) return;
    shown = step;
    write({ progress: { phase, done, total } });
  };
  run(onProgress)
    .then((report) => write({ status: doneStatus, body: report }))
    .catch((error: unknown) => {
      if (error instanceof HttpException) {
        write({ status: error.getStatus(), body: error.getResponse() });
      } else {
        logger.error(`import failed: ${(error as Error).message}`, (error as Error).stack);
        write({ status: 500, body: { message: 'the import failed; nothing was appended' } });
      }
    })
    .finally(() => lines.end());
  return new StreamableFile(lines, { type: IMPORT_PROGRESS_TYPE });
}
