import { HttpException, Logger, StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';

/** The Accept type that asks for a long request's progress as it goes (a bar to draw). */
export const PROGRESS_STREAM_TYPE = 'application/x-ndjson';

/** How far long work has come; `phase` when it goes through more than one. */
export interface Progress {
  phase?: string;
  done: number;
  total: number;
}

const logger = new Logger('ProgressStream');

export function wantsProgress(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((type) => type.trim().startsWith(PROGRESS_STREAM_TYPE));
}

/**
 * Runs long work and answers with one JSON object a line: `{"progress": {phase, done, total}}`
 * at each whole per cent (and phase), then `{"status", "body"}`: the status and body the request
 * would have answered on its own (an HttpException's too). The caller sends 200 first.
 */
export function streamProgress(
  run: (report: (progress: Progress) => void) => Promise<unknown>,
  doneStatus: number,
): StreamableFile {
  const lines = new PassThrough();
  const write = (value: unknown) => lines.write(`${JSON.stringify(value)}\n`);
  let shown = '';
  const report = (progress: Progress) => {
    const { phase, done, total } = progress;
    const step = `${phase ?? ''}:${Math.floor((100 * done) / Math.max(total, 1))}`;
    if (step === shown && done !== total) return;
    shown = step;
    write({ progress });
  };
  run(report)
    .then((body) => write({ status: doneStatus, body }))
    .catch((error: unknown) => {
      if (error instanceof HttpException) {
        write({ status: error.getStatus(), body: error.getResponse() });
      } else {
        logger.error(`failed: ${(error as Error).message}`, (error as Error).stack);
        write({ status: 500, body: { message: 'the work failed; nothing was changed' } });
      }
    })
    .finally(() => lines.end());
  return new StreamableFile(lines, { type: PROGRESS_STREAM_TYPE });
}
