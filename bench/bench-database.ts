import { databaseUrl, dataSourceOptions, migrate, MIGRATIONS } from '@riskledger/database';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/**
 * A database of the bench's own on `server`, migrated (all migrations, or the first
 * `migrations`), with a pool of `connections`; drop() removes it.
 */
export async function createDatabase(
  server: string,
  name: string,
  connections: number,
  migrations?: number,
) {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(server, name);
  const options = { ...dataSourceOptions(url), extra: { max: connections, statement_timeout: 0 } };
  if (migrations === undefined) {
    await migrate(url);
  } else {
    const partial = new DataSource({ ...options, migrations: MIGRATIONS.slice(0, migrations) });
    await partial.initialize();
    await partial.runMigrations();
    await partial.destroy();
  }
  const dataSource = await new DataSource(options).initialize();
  return {
    dataSource,
    close: () => dataSource.destroy(),
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A database a bench kept (BENCH_KEEP_DATABASE), opened again as it is. */
export async function openDatabase(server: string, name: string, connections: number) {
  const url = databaseUrl(server, name);
  const options = { ...dataSourceOptions(url), extra: { max: connections, statement_timeout: 0 } };
  const dataSource = await new DataSource(options).initialize();
  return { dataSource, close: () => dataSource.destroy(), drop: () => dataSource.destroy() };
}
