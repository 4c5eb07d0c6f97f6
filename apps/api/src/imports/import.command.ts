import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../shared/command-context';
import type { ImportLanguage } from './import-problems';
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
