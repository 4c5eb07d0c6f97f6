import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnprocessableEntityException } from '@nestjs/common';
import {
  DomainError,
  EVERYTHING,
  InvalidValueError,
  type DomainEvent,
  type RiskMatrix,
} from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { StreamVisibility, type StreamStart } from '../../access/stream-visibility';
import type { CommandContext } from '../../shared/command-context';
import type { RowReader } from '../row-reader';
import { Clock } from '../../platform/clock';
import { CommandExecutor, type DecidedWrite } from '../../shared/command-executor';
import { ReferenceData } from '../../shared/reference-data';
import { riskWrite } from '../../shared/stream-writes';
import { importedRiskId } from '../import-identity';
import { problemsIn, type ImportProblem } from '../import-problems';
import type { ImportReportResponse } from '../import-report.response';
import { openImport } from '../open-import';
import { wordsFor } from '../row-reader';
import { ImportRisksCommand } from './import-risks.command';
import { RISK_COLUMNS, type RiskColumnKey } from './risk-columns';
import { riskRowOf, type RiskRowLookups } from './risk-rows';

/**
 * A register from a spreadsheet: every row becomes IdentifyRisk (and RiskAssessed when scored),
 * decided by the same decider as POST /risks and checked against the caller's scope. Every row is
 * checked before anything is appended, and then all of them are appended in one transaction, or
 * none. A row's risk id comes from the file's hash and the row, so the same file imported again
 * finds its risks there and appends nothing.
 */
@CommandHandler(ImportRisksCommand)
export class ImportRisksHandler implements ICommandHandler<ImportRisksCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: PostgresEventStore,
    private readonly referenceData: ReferenceData,
    private readonly queries: ReferenceDataQueries,
    private readonly visibility: StreamVisibility,
    private readonly clock: Clock,
  ) {}

  async execute({
    file,
    options,
    context,
    onProgress,
  }: ImportRisksCommand): Promise<ImportReportResponse> {
    const problem = problemsIn(options.language);
    const opened = await openImport(file, RISK_COLUMNS, options.language, problem);
    const { fileSha256 } = opened;
    const [lookups, matrix, inScope] = await Promise.all([
      this.lookups(),
      this.referenceData.currentMatrix(),
      this.visibility.checkerFor(context.visibility ?? EVERYTHING),
    ]);
    const facts = { lookups, matrix, inScope, today: this.clock.today(), context, fileSha256 };
    const idOf = (row: number) => importedRiskId(fileSha256, row);
    // A row this file already imported is not checked again: the unit may have closed since.
    const existing = new Set(await this.store.existingStreams(opened.rows.map((r) => idOf(r.row))));
    const problems: ImportProblem[] = [...opened.problems];
    const writes: DecidedWrite[] = [];
    for (const [i, reader] of opened.rows.entries()) {
      onProgress('checking', i + 1, opened.rows.length);
      const riskId = idOf(reader.row);
      if (existing.has(riskId)) continue;
      const write = this.decideRow(reader, riskId, facts);
      if (write && reader.problems.length === 0) writes.push(write);
      problems.push(...reader.problems);
    }
    const report = {
      fileSha256,
      correlationId: context.correlationId,
      dryRun: options.dryRun,
      rows: opened.rows.length,
      created: problems.length === 0 ? writes.length : 0,
      alreadyImported: existing.size,
      problems,
    };
    if (options.dryRun) return report;
    if (problems.length > 0) throw new UnprocessableEntityException(report);
    if (writes.length > 0) {
      await this.executor.appendAll(writes, (done, total) => onProgress('appending', done, total));
    }
    return report;
  }

  /** The row's events as POST /risks would decide them, or null when the row has a problem. */
  private decideRow(
    reader: RowReader<RiskColumnKey>,
    riskId: string,
    facts: RowFacts,
  ): DecidedWrite | null {
    const { lookups, matrix, today, inScope, context, fileSha256 } = facts;
    const row = riskRowOf(reader, lookups);
    if (reader.problems.length > 0) return null;
    const write = riskWrite(
      {
        type: 'IdentifyRisk',
        riskId,
        ...row,
        reference: { activeAreas: Object.values(lookups.areas), unitKnown: true },
        matrix,
        today,
      },
      context,
    );
    try {
      const { events, newEvents } = this.executor.decide(
        { ...write, importedFrom: { fileSha256, row: reader.row } },
        write.decider.initialState(),
      );
      if (row.classification === 'RESTRICTED' && !(context.visibility ?? EVERYTHING).cleared) {
        reader.refuse('classification', 'not-cleared');
      } else if (!inScope(events.map((e: DomainEvent) => ({ ...e, metadata: context })))) {
        reader.refuse('unit', 'outside-scope');
      }
      return { streamType: 'risk', streamId: riskId, expectedVersion: 0, events: newEvents };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      reader.refuse(columnOf(error), 'domain-rule', error.message);
      return null;
    }
  }

  private async lookups(): Promise<RiskRowLookups> {
    const [areas, units] = await Promise.all([
      this.queries.securityAreas(),
      this.queries.organisationalUnits(),
    ]);
    return {
      areas: wordsFor(
        Object.fromEntries(areas.filter((a) => !a.retired).map((a) => [a.code, [a.sv, a.en]])),
      ),
      openUnits: new Set(units.filter((u) => u.open).map((u) => u.code)),
    };
  }
}

/** What every row is decided with: read once per import. */
interface RowFacts {
  lookups: RiskRowLookups;
  matrix: RiskMatrix;
  today: string;
  inScope: (events: readonly StreamStart[]) => boolean;
  context: CommandContext;
  fileSha256: string;
}

/** The column a refusal of the domain names (scenario.cause is the Cause column), else Title. */
function columnOf(error: DomainError): RiskColumnKey {
  const field = error instanceof InvalidValueError ? error.field : '';
  const key = field === 'scenario.consequence' ? 'outcome' : field.split('.').pop();
  return RISK_COLUMNS.find((c) => c.key === key)?.key ?? 'title';
}
