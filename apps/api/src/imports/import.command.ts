import { Command, type CommandBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { CommandContext } from '../shared/command-context';
import { fileBody } from './file-body';
import type { ImportLanguage } from './import-problems';
import type { ImportRequest } from './import-request.dto';
import type { ImportReportResponse } from './import-report.response';

/** An uploaded file to check (dryRun) or import, answered with the report. */
export abstract class ImportCommand extends Command<ImportReportResponse> {
  constructor(
    readonly file: Buffer,
    readonly options: { dryRun: boolean; language: ImportLanguage },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Runs an import as its endpoint asked: 200 for a dry run, 201 when imported. */
export async function answerImport(
  commandBus: CommandBus,
  command: new (...args: ConstructorParameters<typeof ImportCommand>) => ImportCommand,
  request: { body: unknown; query: ImportRequest; context: CommandContext; response: Response },
): Promise<ImportReportResponse> {
  const dryRun = request.query.dryRun ?? false;
  const options = { dryRun, language: request.query.lang ?? 'sv' };
  const report = await commandBus.execute(
    new command(fileBody(request.body), options, request.context),
  );
  request.response.status(dryRun ? 200 : 201);
  return report;
}
