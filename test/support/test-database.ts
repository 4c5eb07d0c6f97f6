import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUrl, dataSourceOptions, migrate } from '@riskledger/database';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, on the real server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_SERVER_URL is not set (the global setup sets it)');
  const name = `riskledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrl(serverUrl, name);
  await migrate(url);
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Gives the log's transactions the ids `first`, `first + 1`, ... in commit order, with the guards
 * that refuse UPDATE on the log off meanwhile. Real ids gain a digit only now and then (999 → 1000,
 * 9999 → 10000, ...); this puts such a step inside a test's log.
 */
export async function renumberLogTransactions(
  dataSource: DataSource,
  first: number,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete`);
    await manager.query(
      `UPDATE events SET transaction_id = (($1::bigint + numbered.n - 1)::text)::xid8
       FROM (SELECT position, dense_rank() OVER (ORDER BY transaction_id) AS n FROM events) AS numbered
       WHERE events.position = numbered.position`,
      [first],
    );
    await manager.query(`ALTER TABLE events ENABLE TRIGGER events_no_update_or_delete`);
  });
}
