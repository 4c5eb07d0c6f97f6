import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { HASHED_EVENT_COLUMNS, hashedFieldsOf, type HashedEventRow } from '../event-row';
import { PostgresEventStore } from '../postgres-event-store';
import { eventHash } from './event-hash';
import { jsonbText } from './jsonb-text';
import { LogIntegrity } from './log-integrity';

/**
 * Hash version 2 is computed by PostgreSQL over jsonb's text; Node must be able to recompute it
 * from the values alone, whatever they hold.
 */
describe('jsonb text and hash version 2', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('is the text PostgreSQL prints for any JSON value written with JSON.stringify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const [{ text }] = await db.dataSource.query(`SELECT $1::jsonb::text AS text`, [
          JSON.stringify(value),
        ]);
        const [{ back }] = await db.dataSource.query(`SELECT $1::jsonb AS back`, [
          JSON.stringify(value),
        ]);
        expect(jsonbText(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('lets Node recompute, from the row alone, every hash the store computed at append', async () => {
    const values = fc.sample(fc.dictionary(fc.string(), fc.jsonValue()), 40);
    const streamId = randomUUID();
    for (const [version, data] of values.entries()) {
      await store.append('test', streamId, version, [
        {
          type: 'Tested',
          schemaVersion: 1,
          data,
          metadata: { actor: 'tester', correlationId: 'c', causationId: null, reason: 'ä "q"' },
        },
      ]);
    }
    const rows: HashedEventRow[] = await db.dataSource.query(
      `SELECT ${HASHED_EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    expect(rows.map((r) => r.hash_version)).toEqual(values.map(() => 2));
    rows.forEach((row, i) => {
      expect(eventHash(hashedFieldsOf(row), i === 0 ? null : rows[i - 1].hash)).toBe(row.hash);
    });
    expect(await new LogIntegrity(db.dataSource).check()).toMatchObject({ intact: true });
  });
});
