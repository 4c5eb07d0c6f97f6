import 'reflect-metadata';
import { terminalIo } from './cli-io';
import { openDatabase } from './cli-database';
import { buildProgram } from './cli.program';

/**
 * `npm run cli -- <command>`: the investigators' tools. Exit codes: 0 done (and intact,
 * identical), 1 a difference or a break was found, 2 the command could not run.
 */
async function main(): Promise<void> {
  const program = buildProgram(terminalIo, async (run) => {
    const database = await openDatabase((line) => terminalIo.err(line));
    try {
      process.exitCode = await run(database.dataSource);
    } finally {
      await database.close();
    }
  });
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    const code = (error as { exitCode?: number; code?: string }).exitCode;
    if (code !== undefined) {
      // commander has said what was wrong (or shown the help)
      process.exitCode = code === 0 ? 0 : 2;
      return;
    }
    terminalIo.err(`error: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}

void main();
