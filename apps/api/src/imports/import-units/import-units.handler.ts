import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnprocessableEntityException } from '@nestjs/common';
import { domainEventOf } from '@riskledger/contracts';
import {
  DomainError,
  fold,
  InvalidValueError,
  ORGANISATION_STREAM_ID,
  organisationDecider,
  type OrganisationState,
  type RegisterOrganisationalUnit,
} from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import type { CommandContext } from '../../shared/command-context';
import { CommandExecutor, type DecidedWrite } from '../../shared/command-executor';
import { organisationWrite } from '../../shared/stream-writes';
import { problemsIn, type ImportProblem } from '../import-problems';
import type { ImportReportResponse } from '../import-report.response';
import { openImport } from '../open-import';
import type { RowReader } from '../row-reader';
import { ImportUnitsCommand } from './import-units.command';
import { UNIT_COLUMNS, type UnitColumnKey } from './unit-columns';
import { unitRowOf } from './unit-rows';

interface UnitRow {
  reader: RowReader<UnitColumnKey>;
  command: RegisterOrganisationalUnit;
}

/**
 * The organisational tree from a spreadsheet. The tree is one stream, so every new unit is decided
 * in turn on the tree as the rows before it left it, parents before their children whatever the
 * file's order, and all are appended in one transaction, or none. A unit already registered just
 * as a row says is left as it is, so the same file imported again appends nothing.
 */
@CommandHandler(ImportUnitsCommand)
export class ImportUnitsHandler implements ICommandHandler<ImportUnitsCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: PostgresEventStore,
  ) {}

  async execute({
    file,
    options,
    context,
    onProgress,
  }: ImportUnitsCommand): Promise<ImportReportResponse> {
    const problem = problemsIn(options.language);
    const opened = await openImport(file, UNIT_COLUMNS, options.language, problem);
    const { fileSha256 } = opened;
    const history = await this.store.readStream(ORGANISATION_STREAM_ID);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    const state = fold(
      organisationDecider,
      history.map(domainEventOf).filter((e) => e !== null),
    );

    let alreadyImported = 0;
    const seen = new Set<string>();
    const pending: UnitRow[] = [];
    for (const [i, reader] of opened.rows.entries()) {
      onProgress('checking', i + 1, opened.rows.length);
      const command = unitRowOf(reader);
      const known = state.units[command.code];
      if (seen.has(command.code)) reader.refuse('code', 'duplicate-unit', command.code);
      seen.add(command.code);
      if (reader.problems.length === 0 && known) {
        if (sameUnit(known, command)) alreadyImported++;
        else reader.refuse('code', 'unit-registered-differently', command.code);
      } else if (reader.problems.length === 0) pending.push({ reader, command });
    }

    const { events, inTransaction } = this.decideInTreeOrder(pending, state, context, fileSha256);

    const problems: ImportProblem[] = [
      ...opened.problems,
      ...opened.rows.flatMap((reader) => reader.problems),
    ];
    const report = {
      fileSha256,
      correlationId: context.correlationId,
      dryRun: options.dryRun,
      rows: opened.rows.length,
      created: problems.length === 0 ? events.length : 0,
      alreadyImported,
      problems,
    };
    if (options.dryRun) return report;
    if (problems.length > 0) throw new UnprocessableEntityException(report);
    if (events.length > 0) {
      await this.executor.appendAll(
        [
          {
            streamType: 'organisation',
            streamId: ORGANISATION_STREAM_ID,
            expectedVersion: version,
            events,
            inTransaction,
            changesReferenceData: true,
          },
        ],
        (done, total) => onProgress('appending', done, total),
      );
    }
    return report;
  }

  /**
   * Decides each new unit on the tree the units before it left, parents first whatever the file's
   * order: each pass decides every row whose parent is not still waiting in the file.
   */
  private decideInTreeOrder(
    rows: UnitRow[],
    tree: OrganisationState,
    context: CommandContext,
    fileSha256: string,
  ) {
    let state = tree;
    let pending = rows;
    const events: DecidedWrite['events'] = [];
    let inTransaction: DecidedWrite['inTransaction'];
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      const waiting: UnitRow[] = [];
      for (const unit of pending) {
        const parent = unit.command.parentCode ?? null;
        const parentAwaited =
          parent !== null &&
          !state.units[parent] &&
          pending.some((other) => other !== unit && other.command.code === parent);
        if (parentAwaited) {
          waiting.push(unit);
          continue;
        }
        progress = true;
        const write = organisationWrite(unit.command, context);
        inTransaction = write.inTransaction;
        try {
          const decided = this.executor.decide(
            { ...write, importedFrom: { fileSha256, row: unit.reader.row } },
            state,
          );
          state = decided.events.reduce(organisationDecider.evolve, state);
          events.push(...decided.newEvents);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          refuseFor(unit, error);
        }
      }
      pending = waiting;
    }
    // Left waiting: parents that wait for each other, a cycle.
    for (const unit of pending) {
      unit.reader.refuse('parentCode', 'unknown-parent', unit.command.parentCode ?? '');
    }
    return { events, inTransaction };
  }
}

function sameUnit(
  known: OrganisationState['units'][string],
  row: RegisterOrganisationalUnit,
): boolean {
  return (
    known.open &&
    known.name === row.name &&
    known.kind === row.kind &&
    known.parentCode === (row.parentCode ?? null)
  );
}

function refuseFor({ reader, command }: UnitRow, error: DomainError): void {
  const field = error instanceof InvalidValueError ? error.field : null;
  if (field === 'parentCode')
    reader.refuse('parentCode', 'unknown-parent', command.parentCode ?? '');
  else
    reader.refuse(
      field === 'name' || field === 'kind' ? field : 'code',
      'domain-rule',
      error.message,
    );
}
