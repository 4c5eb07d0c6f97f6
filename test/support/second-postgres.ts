import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { startScratchPostgres } from '../faults/support/fault-infrastructure';

export interface SecondPostgres {
  /** A URL of the server, naming its maintenance database (`postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

/** Another PostgreSQL server, freshly initialised, on a free port: what a backup is restored onto. */
export async function startSecondPostgres(): Promise<SecondPostgres> {
  return startScratchPostgres(await freePort());
}

/** Runs pg_dump, pg_restore or another PostgreSQL client tool; throws with its output on failure. */
export function pgTool(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${tool} failed (${result.status}):\n${result.stderr ?? result.error?.message}`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
