import { loadStoreId } from '@riskledger/event-store';
import { allProjections } from '@riskledger/read-models';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import type { DataSource } from 'typeorm';
import type { CliIo } from './cli-io';
import { afterRestoreCommand } from './commands/after-restore.command';
import { cliKafka } from './cli-kafka';
import { exportCommand } from './commands/export.command';
import { importCommand, type ImportOptions } from './commands/import.command';
import { replayCommand } from './commands/replay.command';
import { tokenCommand, type TokenOptions } from './commands/token.command';
import { verifyLogCommand } from './commands/verify-log.command';
import { verifyProjectionCommand } from './commands/verify-projection.command';

/** Runs a command against a database and gives its exit code. */
export type WithDatabase = (run: (dataSource: DataSource) => Promise<number>) => Promise<void>;

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

const instant = (value: string) => {
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError(
      'must be an ISO 8601 time with its time zone, e.g. 2026-11-23T09:00:00Z',
    );
  }
  return new Date(value);
};

/** The investigators' command line: replay, verify-projection, verify-log, export; and import. */
export function buildProgram(io: CliIo, withDatabase: WithDatabase): Command {
  const projection = () =>
    new Argument('<projection>', 'the read model').choices(allProjections().map((p) => p.name));
  const program = new Command('riskledger')
    .description(
      "Investigators' tools for the riskledger event log: rebuild and compare read models, " +
        'check the tamper evidence, export case files. Uses DATABASE_URL, else the local default.',
    )
    .showHelpAfterError()
    // Errors throw (a CommanderError with its exit code) instead of exiting the process.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });

  program
    .command('replay')
    .description(
      'rebuild a projection from position 0 into a fresh table, then swap it in without downtime for readers',
    )
    .addArgument(projection())
    .option('--batch-size <n>', 'events per transaction', positiveInt, 5000)
    .action((name: string, options: { batchSize: number }) =>
      withDatabase((ds) => replayCommand(io, ds, name, options)),
    );

  program
    .command('verify-projection')
    .description(
      'rebuild a projection into a scratch table and report every live row that differs (exit code 1 if any)',
    )
    .addArgument(projection())
    .option('--json', 'print the comparison as JSON')
    .option('--batch-size <n>', 'events per transaction', positiveInt, 5000)
    .action((name: string, options: { json?: boolean; batchSize: number }) =>
      withDatabase((ds) => verifyProjectionCommand(io, ds, name, options)),
    );

  program
    .command('verify-log')
    .description(
      'check the hash chains and seals over the whole log; report the first position where it breaks (exit code 1)',
    )
    .option(
      '--no-seal',
      'do not seal new events first (read only, e.g. on a copy under investigation)',
    )
    .option('--json', 'print the report as JSON')
    .action((options: { seal: boolean; json?: boolean }) =>
      withDatabase((ds) => verifyLogCommand(io, ds, options)),
    );

  program
    .command('export')
    .description(
      'write a case file (events.jsonl, summary.md, manifest.json) of one stream or of a time range',
    )
    .addOption(
      new Option('--stream <id>', 'the risk or incident to export').conflicts(['from', 'to']),
    )
    .option(
      '--chain',
      'with --stream: also everything that followed from it (correlation, causation)',
    )
    .addOption(
      new Option('--from <time>', 'events recorded at or after this time').argParser(instant),
    )
    .addOption(new Option('--to <time>', 'events recorded before this time').argParser(instant))
    .option('--out <dir>', 'the directory to write (new or empty); default case-<time>')
    .action(
      (options: { stream?: string; chain?: boolean; from?: Date; to?: Date; out?: string }) => {
        if (options.stream) {
          return withDatabase((ds) =>
            exportCommand(io, ds, { streamId: options.stream!, chain: options.chain }, options),
          );
        }
        if (!options.from || !options.to) {
          program.error('export needs --stream <id>, or both --from <time> and --to <time>');
        }
        if (options.chain) program.error('--chain goes with --stream');
        return withDatabase((ds) =>
          exportCommand(io, ds, { from: options.from!, to: options.to! }, options),
        );
      },
    );
  program
    .command('after-restore')
    .description(
      'once after restoring the database from a backup, before starting the apps: check the log, ' +
        'report events Kafka carried that the store lost, rebuild the read models (exit code 1 if any were lost)',
    )
    .option(
      '--report <file>',
      'where to list the events that exist on Kafka only (JSON lines)',
      `restore-report-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`,
    )
    .action((options: { report: string }) =>
      withDatabase(async (ds) =>
        afterRestoreCommand(io, ds, {
          ...cliKafka(await loadStoreId(ds)),
          reportFile: options.report,
        }),
      ),
    );

  program
    .command('import')
    .description(
      'import risks or organisational units from a CSV or XLSX file through the API (a dry run ' +
        'first; exit code 1 and every problem by row and column if the file has any)',
    )
    .addArgument(new Argument('<what>', 'what the file holds').choices(['risks', 'units']))
    .argument('<file>', 'the .csv or .xlsx file, laid out as GET /imports/<what>/template')
    .option('--api <url>', "the API's address", `http://localhost:${process.env.PORT ?? 3000}`)
    .option('--token <token>', 'a bearer token (default: RISKLEDGER_TOKEN)')
    .option('--dry-run', 'only check the file and report')
    .addOption(
      new Option('--lang <lang>', 'the language of the problems')
        .choices(['sv', 'en'])
        .default('sv'),
    )
    .action(async (what: 'risks' | 'units', file: string, options: Partial<ImportOptions>) => {
      const token = options.token ?? process.env.RISKLEDGER_TOKEN;
      if (!token)
        program.error('import needs --token <token> or RISKLEDGER_TOKEN (see the token command)');
      process.exitCode = await importCommand(io, what, file, {
        ...options,
        token,
      } as ImportOptions);
    });

  program
    .command('token')
    .description(
      'print a bearer token from the development issuer (npm start without AUTH_MODE=oidc); never in production',
    )
    .requiredOption('--user <subject>', 'who the token speaks for; recorded as the actor of events')
    .option('--name <display name>', 'the name shown beside the subject')
    .option(
      '--role <grant>',
      'a role, optionally scoped, e.g. SECURITY_COORDINATOR, RISK_OWNER:unit=SU-ONK, ' +
        'AREA_RESPONSIBLE:area=IT_SECURITY (repeat for several)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--cleared', 'cleared for protective-security (restricted) risks')
    .option('--hours <n>', 'hours until the token expires', positiveInt, 8)
    .action(async (options: TokenOptions) => {
      process.exitCode = await tokenCommand(io, options);
    });
  return program;
}
