import { eventually } from '../../../test/support/running-system';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { listenOnChannel } from './channel-listener';

const CHANNEL = 'channel_listener_test';

describe('listenOnChannel (PostgreSQL)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('hears notifications, and after its connection is killed says so, listens again and hears on', async () => {
    const heard: string[] = [];
    const listening: boolean[] = [];
    const lost: string[] = [];
    const stop = listenOnChannel(db.url, CHANNEL, {
      onNotification: (payload) => heard.push(payload),
      onListening: (again) => listening.push(again),
      onConnectionLost: (error) => lost.push(error.message),
    });
    const notify = (payload: string) =>
      db.dataSource.query(`SELECT pg_notify($1, $2)`, [CHANNEL, payload]);
    try {
      await eventually(async () => listening.length === 1 || undefined);
      await notify('first');
      await eventually(async () => heard.includes('first') || undefined);

      await db.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query = $1`,
        [`LISTEN ${CHANNEL}`],
      );
      await eventually(async () => listening.length === 2 || undefined);
      expect(listening).toEqual([false, true]);
      expect(lost).toHaveLength(1);

      await notify('second');
      await eventually(async () => heard.includes('second') || undefined);
      expect(heard).toEqual(['first', 'second']);
    } finally {
      await stop();
    }
  });
});
