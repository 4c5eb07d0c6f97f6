import type { StreamableFile } from '@nestjs/common';
import { Command, type CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandContext } from '../shared/command-context';
import { fileBody } from './file-body';
import { streamProgress, wantsProgress } from '../platform/progress-stream';
import type { ImportLanguage } from './import-problems';
import type { ImportRequest } from './import-request.dto';
import type { ImportReportResponse } from './import-report.response';

/** How far an import has come: rows checked, then streams appended. */
export type ImportProgress = (phase: 'checking' | 'appending', done: number, total: number) => void;

/** An uploaded file to check (dryRun) or import, answered with the report. */
export abstract class ImportCommand extends Command<ImportReportResponse> {
  constructor(
    readonly file: Buffer,
    readonly options: { dryRun: boolean; language: ImportLanguage },
    readonly context: CommandContext,
    readonly onProgress: ImportProgress = () => undefined,
  ) {
    super();
  }
}

/**
 * Runs an import as its endpoint asked: 200 for a dry run, 201 when imported; or, when the
 * request accepts application/x-ndjson, its progress as it goes and then that answer.
 */
export async function answerImport(
  commandBus: CommandBus,
  command: new (...args: ConstructorParameters<typeof ImportCommand>) => ImportCommand,
  request: {
    body: unknown;
    query: ImportRequest;
    context: CommandContext;
    accept: string | undefined;
    response: Response;
  },
): Promise<ImportReportResponse | StreamableFile> {
  const dryRun = request.query.dryRun ?? false;
  const options = { dryRun, language: request.query.lang ?? 'sv' };
  const file = fileBody(request.body);
  const status = dryRun ? 200 : 201;
  if (wantsProgress(request.accept)) {
    request.response.status(200);
    return streamProgress(
      (report) =>
        commandBus.execute(
          new command(file, options, request.context, (phase, done, total) =>
            report({ phase, done, total }),
          ),
        ),
      status,
    );
  }
  const report = await commandBus.execute(new command(file, options, request.context));
  request.response.status(status);
  return report;
}
