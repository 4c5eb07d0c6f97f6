import { randomUUID } from 'node:crypto';
import { loadStoreId } from '@riskledger/event-store';
import { httpClient } from '../support/http';
import { deleteTopicsOf, eventually, startApps } from '../support/running-system';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

jest.setTimeout(180_000);

/**
 * A staging and a production installation on one Kafka cluster, both with the default topic
 * prefix and consumer groups (here one prefix of the test's own): before stores had an identity
 * they shared the projector group, split each other's partitions and applied each other's events.
 */
describe('two installations on one broker with the same topic prefix', () => {
  const prefix = `e2e-shared-${randomUUID().slice(0, 8)}`;
  const installations: { db: TestDatabase; close?: () => Promise<void> }[] = [];

  afterAll(async () => {
    for (const { close } of installations) await close?.().catch(() => undefined);
    for (const { db } of installations) await db.drop();
    await deleteTopicsOf(prefix).catch(() => undefined);
  });

  it('each applies all of its own events and none of the other’s, which it sets aside with the reason', async () => {
    delete process.env.PROJECTOR_GROUP_ID;
    delete process.env.NOTIFIER_GROUP_ID;
    const [staging, production] = await Promise.all(
      ['staging', 'production'].map(async (name) => {
        const installation: (typeof installations)[number] = { db: await createTestDatabase() };
        installations.push(installation);
        const apps = await startApps({
          DATABASE_URL: installation.db.url,
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_CLIENT_ID: `${prefix}-${name}`,
        });
        installation.close = apps.close;
        const db = installation.db;
        return { db, api: httpClient(apps.baseUrl, { 'X-Actor': 'anna.berg@region.se' }) };
      }),
    );
    const storeIds = await Promise.all(
      [staging, production].map((i) => loadStoreId(i.db.dataSource)),
    );
    expect(storeIds[0]).not.toBe(storeIds[1]);

    const created = await Promise.all(
      [staging, production].map(async ({ api }, n) => {
        const ids: string[] = [];
        for (let i = 0; i < 10; i++) {
          const response = await api.post('/risks', {
            title: `Risk ${i} of installation ${n}`,
            scenario: { cause: 'a cause', event: 'an event', consequence: 'a consequence' },
            area: 'IT_SECURITY',
            unit: 'Hospital North',
            owner: 'it.manager',
            likelihood: 2,
            consequence: 3,
          });
          expect(response.status).toBe(201);
          ids.push(response.body.id);
        }
        return ids;
      }),
    );

    for (const [n, { api, db }] of [staging, production].entries()) {
      const own = created[n];
      const other = created[1 - n];
      for (const id of own) {
        await eventually(
          async () => (await api.get(`/risks/${id}`)).status === 200 || undefined,
          60_000,
        );
      }
      // Every event of the other store is set aside, with the reason naming the setting.
      const [{ count }] = await db.dataSource.query(
        `SELECT count(*)::int AS count FROM events WHERE stream_id = ANY($1)`,
        [other],
      );
      expect(count).toBe(0);
      const otherEvents = await eventually(async () => {
        const letters: { detail: string }[] = await db.dataSource.query(
          `SELECT detail FROM dead_letters WHERE reason = 'foreign-store' AND convert_from(message_key, 'UTF8') = ANY($1)`,
          [other],
        );
        return letters.length >= other.length ? letters : undefined;
      }, 60_000);
      expect(otherEvents[0].detail).toContain(`recorded by store ${storeIds[1 - n]}`);
      expect(otherEvents[0].detail).toContain('KAFKA_TOPIC_PREFIX');
      for (const id of other) expect((await api.get(`/risks/${id}`)).status).toBe(404);
      const [{ applied }] = await db.dataSource.query(
        `SELECT count(DISTINCT stream_id)::int AS applied FROM projection_checkpoints WHERE stream_id = ANY($1)`,
        [other],
      );
      expect(applied).toBe(0);
    }
  });
});
