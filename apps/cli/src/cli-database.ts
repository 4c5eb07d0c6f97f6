import {
  dataSourceOptions,
  ensureDatabase,
  findCheckoutRoot,
  localPostgres,
} from '@riskledger/database';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export interface CliDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The database the system uses: DATABASE_URL when set, else the same local default as `npm
 * start`. The CLI does not migrate: it refuses a schema that is not up to date.
 */
export async function openDatabase(log: (line: string) => void): Promise<CliDatabase> {
  let stopServer = async () => undefined as void;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const server = await localPostgres(join(findCheckoutRoot(__dirname), '.data/postgres'), log);
    stopServer = server.stop;
    url = await ensureDatabase(server.serverUrl, 'riskledger');
  }
  const dataSource = await new DataSource({
    ...dataSourceOptions(url),
    // Rebuilds and checks of a large log take longer than a request may.
    extra: { max: 4, connectionTimeoutMillis: 3000, statement_timeout: 0 },
  }).initialize();
  const close = async () => {
    await dataSource.destroy();
    await stopServer();
  };
  if (await dataSource.showMigrations()) {
    await close();
    throw new Error('the database schema is not up to date: run `npm run migrate` first');
  }
  return { dataSource, close };
}
