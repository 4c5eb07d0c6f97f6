import { eventually } from '../../../../test/support/running-system';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { databaseUrl, dataSourceOptions, migrate } from '@riskledger/database';
import { CreateReadModels1732300001000 } from '@riskledger/read-models';
import { LogIntegrity } from '../integrity/log-integrity';
import { PostgresEventStore } from '../postgres-event-store';
import { CreateEventStore1732300000000 } from './1732300000000-create-event-store';

/** A database whose events were appended before tamper evidence existed. */
describe('the tamper-evidence migration on a log that already has events', () => {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL!;
  const name = `riskledger_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = databaseUrl(serverUrl, name);
  let dataSource: DataSource;

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    const before = new DataSource({
      ...dataSourceOptions(url),
      migrations: [CreateEventStore1732300000000, CreateReadModels1732300001000],
    });
    await before.initialize();
    await before.runMigrations();
    await before.destroy();
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('gives every existing event its hash, chained per stream, and later appends chain on', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const old = new Client({ connectionString: url });
    await old.connect();
    // As the store appended before: positions from the identity, recorded_at with microseconds.
    for (const [stream, version, data] of [
      [a, 1, { title: 'Fire door blocked', riskId: a, nested: { z: 1, a: [1, 'två'] } }],
      [b, 1, { riskId: b, title: 'Server room unlocked' }],
      [a, 2, { likelihood: 4, consequence: 3, riskId: a }],
      [a, 3, { note: null, riskId: a }],
    ] as const) {
      await old.query(
        `INSERT INTO events (event_id, stream_id, stream_type, stream_version, event_type,
           schema_version, data, metadata, recorded_at)
         VALUES ($1, $2, 'risk', $3, 'Tested', 1, $4, $5, clock_timestamp())`,
        [
          randomUUID(),
          stream,
          version,
          JSON.stringify(data),
          JSON.stringify({ reason: null, actor: 'anna', correlationId: 'c', causationId: null }),
        ],
      );
    }
    await old.end();

    expect(await migrate(url)).toEqual(
      expect.arrayContaining([
        'AddTamperEvidence1732300002000',
        'AddTraceabilityInvestigation1732300002100',
      ]),
    );
    dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    const integrity = new LogIntegrity(dataSource);
    expect(await integrity.check({ seal: false })).toMatchObject({
      intact: true,
      events: 4,
      streams: 2,
      guardsEnabled: true,
    });

    const store = new PostgresEventStore(dataSource);
    await store.append('risk', a, 3, [
      {
        type: 'Tested',
        schemaVersion: 1,
        data: { n: 4 },
        metadata: { actor: 'x', correlationId: 'c', causationId: null, reason: null },
      },
    ]);
    // A seal covers settled transactions only: one running elsewhere on the server holds it back.
    const report = await eventually(async () => {
      const checked = await integrity.check();
      return checked.sealedEvents === checked.events ? checked : undefined;
    });
    expect(report).toMatchObject({ intact: true, events: 5, sealedEvents: 5 });
    await expect(dataSource.query(`UPDATE events SET data = '{}'`)).rejects.toThrow(
      /events are immutable/,
    );
  });
});
