import { eventually } from '../../../test/support/running-system';
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  renumberLogTransactions,
  type TestDatabase,
} from '../../../test/support/test-database';
import { LogCheckpoints } from './checkpoints/log-checkpoints';
import { LogIntegrity } from './integrity/log-integrity';
import { listenForAppends } from './log-appended';
import { PostgresEventStore } from './postgres-event-store';
import {
  checkpointOf,
  LOG_START,
  type LogCheckpoint,
  type NewEvent,
  type StoredEvent,
} from './stored-event';
import { VersionConflictError } from './version-conflict.error';

const event = (n: number): NewEvent => ({
  type: 'Tested',
  schemaVersion: 1,
  data: { n },
  metadata: { actor: 'tester', correlationId: 'c-1', causationId: null, reason: null },
});

/** Follows the whole log from a checkpoint the way the relay does, until `expected` events were seen. */
async function readAll(
  store: PostgresEventStore,
  from: LogCheckpoint = LOG_START,
  pageSize = 100,
): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  let checkpoint = from;
  for (;;) {
    const batch = await store.readAllAfter(checkpoint, pageSize);
    if (batch.length === 0) return seen;
    seen.push(...batch);
    checkpoint = checkpointOf(batch[batch.length - 1]);
  }
}

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('appends to a new stream and reads it back in version order with its metadata', async () => {
    const streamId = randomUUID();
    const result = await store.append('test', streamId, 0, [event(1), event(2)]);
    expect(result.streamVersion).toBe(2);
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
    ]);
    expect(stored[0]).toMatchObject({ streamType: 'test', type: 'Tested', schemaVersion: 1 });
    expect(stored[0].metadata).toEqual(event(1).metadata);
    expect(stored[1].position).toBeGreaterThan(stored[0].position);
    expect(await store.streamVersion(streamId)).toBe(2);
  });

  it('returns the appended events as a read of the stream returns them', async () => {
    const streamId = randomUUID();
    const tricky: NewEvent = {
      ...event(3),
      data: { when: new Date('2026-12-06T10:00:00.123Z'), gone: undefined, list: [1, 'two', null] },
    };
    const inside = await db.dataSource.transaction((manager) =>
      store.append('test', streamId, 0, [event(1), event(2)], manager),
    );
    const outside = await store.append('test', streamId, 2, [tricky]);
    expect([...inside.events, ...outside.events]).toEqual(await store.readStream(streamId));
  });

  it('refuses an append whose expected version is not the stream version, and writes nothing', async () => {
    const streamId = randomUUID();
    await store.append('test', streamId, 0, [event(1)]);
    const attempt = store.append('test', streamId, 0, [event(2), event(3)]);
    await expect(attempt).rejects.toBeInstanceOf(VersionConflictError);
    await expect(attempt).rejects.toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('lets exactly one of many concurrent writers win on one stream version; versions stay gapless', async () => {
    const streamId = randomUUID();
    await store.append('test', streamId, 0, [event(0)]);
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => store.append('test', streamId, 1, [event(i)])),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a) => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(29);
    for (const failure of lost) {
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    }
    expect((await store.readStream(streamId)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('loses no update when concurrent writers retry on conflict', async () => {
    const streamId = randomUUID();
    const writers = 10;
    const appendWithRetry = async (n: number): Promise<void> => {
      for (;;) {
        const version = await store.streamVersion(streamId);
        try {
          await store.append('test', streamId, version, [event(n)]);
          return;
        } catch (error) {
          if (!(error instanceof VersionConflictError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, (_, n) => appendWithRetry(n)));
    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.streamVersion)).toEqual(
      Array.from({ length: writers }, (_, i) => i + 1),
    );
    expect(stored.map((e) => (e.data as { n: number }).n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: writers }, (_, i) => i),
    );
  });

  it('appends to many streams in one transaction, each as append would, or to none on a conflict', async () => {
    const existing = randomUUID();
    await store.append('test', existing, 0, [event(0)]);
    const fresh = Array.from({ length: 3 }, () => randomUUID());
    const appended = await db.dataSource.transaction((manager) =>
      store.appendStreams(
        [
          ...fresh.map((streamId) => ({
            streamType: 'test',
            streamId,
            expectedVersion: 0,
            events: [event(1), event(2)],
          })),
          { streamType: 'test', streamId: existing, expectedVersion: 1, events: [event(3)] },
        ],
        manager,
      ),
    );
    expect(appended.map((e) => [e.streamId, e.streamVersion])).toEqual([
      ...fresh.flatMap((id) => [
        [id, 1],
        [id, 2],
      ]),
      [existing, 2],
    ]);
    expect(await store.existingStreams([...fresh, randomUUID()])).toEqual(
      expect.arrayContaining(fresh),
    );

    const untouched = randomUUID();
    const conflict = db.dataSource.transaction((manager) =>
      store.appendStreams(
        [
          { streamType: 'test', streamId: untouched, expectedVersion: 0, events: [event(1)] },
          { streamType: 'test', streamId: existing, expectedVersion: 1, events: [event(4)] },
        ],
        manager,
      ),
    );
    await expect(conflict).rejects.toMatchObject({ streamId: existing, actualVersion: 2 });
    await expect(conflict).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.readStream(untouched)).toEqual([]);
    expect(await new LogIntegrity(db.dataSource).check({ seal: false })).toMatchObject({
      intact: true,
    });
  });

  it('tells the type of a stream, or null for a stream that has no events', async () => {
    const id = randomUUID();
    await store.append('incident', id, 0, [event(1)]);
    await store.append('incident', id, 1, [event(2)]);

    expect(await store.streamTypeOf(id)).toBe('incident');
    expect(await store.streamTypeOf(randomUUID())).toBeNull();
  });

  describe('reading the whole log in commit order', () => {
    it('does not pass over an event whose transaction commits after a later-numbered one', async () => {
      const start = await lastCheckpoint();
      const slow = db.dataSource.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      const slowStream = randomUUID();
      const fastStream = randomUUID();
      try {
        // The slow writer takes its position first but commits last.
        const slowAppend = await store.append('test', slowStream, 0, [event(1)], slow.manager);
        const fastAppend = await store.append('test', fastStream, 0, [event(2)]);
        expect(slowAppend.events[0].position).toBeLessThan(fastAppend.events[0].position);

        // A reader that trusted positions alone would now take the fast event and move past the slow one.
        const whileOpen = await readAll(store, start);
        expect(whileOpen.map((e) => e.streamId)).not.toContain(slowStream);
        expect(whileOpen.map((e) => e.streamId)).not.toContain(fastStream);

        await slow.commitTransaction();
      } finally {
        await slow.release();
      }
      const afterCommit = await readAll(store, start);
      expect(afterCommit.map((e) => e.streamId)).toEqual([slowStream, fastStream]);
    });

    it('hands a follower every event exactly once, in stream order, under concurrent appends', async () => {
      const start = await lastCheckpoint();
      const streams = Array.from({ length: 8 }, () => randomUUID());
      const perStream = 15;
      let writing = true;
      const seen: StoredEvent[] = [];
      let writtenAt = Infinity;
      const follower = (async () => {
        let checkpoint = start;
        while (writing || seen.length < streams.length * perStream) {
          const batch = await store.readAllAfter(checkpoint, 7);
          if (batch.length > 0) {
            seen.push(...batch);
            checkpoint = checkpointOf(batch[batch.length - 1]);
          } else if (Date.now() - writtenAt > 10_000) {
            // Any transaction open elsewhere on the server holds the last events back for a while
            // (the shared test server has other users): wait for it, but not for ever.
            break;
          } else {
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }
      })();
      await Promise.all(
        streams.map(async (streamId) => {
          for (let version = 0; version < perStream; version++) {
            await store.append('test', streamId, version, [event(version)]);
          }
        }),
      );
      writing = false;
      writtenAt = Date.now();
      await follower;

      const ids = seen.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(seen).toHaveLength(streams.length * perStream);
      for (const streamId of streams) {
        const versions = seen.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
        expect(versions).toEqual(Array.from({ length: perStream }, (_, i) => i + 1));
      }
    });
  });

  it('keeps 64 concurrent writers on new and existing streams gapless, chained and seen once each', async () => {
    const start = await lastCheckpoint();
    const existing = Array.from({ length: 8 }, () => randomUUID());
    for (const streamId of existing) await store.append('test', streamId, 0, [event(0)]);
    const fresh: string[] = [];
    const won = new Map<string, number>(existing.map((id) => [id, 1]));
    let conflicts = 0;
    let writing = true;
    const seen: StoredEvent[] = [];
    const follower = (async () => {
      let checkpoint = start;
      for (;;) {
        const batch = await store.readAllAfter(checkpoint, 50);
        if (batch.length > 0) {
          seen.push(...batch);
          checkpoint = checkpointOf(batch[batch.length - 1]);
        } else if (!writing) {
          return;
        } else {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    })();
    await Promise.all(
      Array.from({ length: 64 }, async (_, writer) => {
        if (writer % 2 === 0) {
          // A new stream, then more appends onto it.
          const streamId = randomUUID();
          fresh.push(streamId);
          for (let version = 0; version < 6; version += 2) {
            await store.append('test', streamId, version, [event(version), event(version + 1)]);
          }
          won.set(streamId, 6);
          return;
        }
        // Eight writers race for each existing stream; a loser reloads the version and retries.
        const streamId = existing[writer % existing.length];
        for (let appended = 0; appended < 3;) {
          const version = await store.streamVersion(streamId);
          try {
            await store.append('test', streamId, version, [event(writer)]);
            won.set(streamId, won.get(streamId)! + 1);
            appended++;
          } catch (error) {
            expect(error).toBeInstanceOf(VersionConflictError);
            conflicts++;
          }
        }
      }),
    );
    writing = false;
    await follower;
    const total = [...won.values()].reduce((a, b) => a + b, 0);
    // Last reads after the writers, until the reader has caught up: a transaction still running
    // anywhere on the server (another test's) holds back what committed after it began.
    await eventually(async () => {
      const rest = await store.readAllAfter(
        seen.length ? checkpointOf(seen[seen.length - 1]) : start,
        10_000,
      );
      seen.push(...rest);
      return seen.length >= total ? true : undefined;
    });

    expect(conflicts).toBeGreaterThan(0);
    for (const [streamId, count] of won) {
      const versions = (await store.readStream(streamId)).map((e) => e.streamVersion);
      expect(versions).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    const ids = seen.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen).toHaveLength(total);
    expect(fresh).toHaveLength(32);
    expect(await new LogIntegrity(db.dataSource).check({ seal: false })).toMatchObject({
      intact: true,
    });
  }, 30_000);

  it('hands a follower every event once, in commit order, when the transaction ids gain a digit', async () => {
    const own = await createTestDatabase();
    try {
      const ownStore = new PostgresEventStore(own.dataSource);
      const streamId = randomUUID();
      for (let version = 0; version < 6; version++) {
        await ownStore.append('test', streamId, version, [event(version + 1)]);
      }
      await renumberLogTransactions(own.dataSource, 97);

      // Ordered as text, 100 to 102 would come first and the checkpoint would pass over 97 to 99.
      const seen = await readAll(ownStore, LOG_START, 2);
      expect(seen.map((e) => [e.transactionId, e.streamVersion])).toEqual([
        ['97', 1],
        ['98', 2],
        ['99', 3],
        ['100', 4],
        ['101', 5],
        ['102', 6],
      ]);
      // On its own a page is a prepared statement on the pool; in a caller's transaction, a query
      // of the transaction: the same page either way.
      const inTransaction = await own.dataSource.transaction((manager) =>
        ownStore.readAllAfter(checkpointOf(seen[1]), 3, manager),
      );
      expect(inTransaction).toEqual(seen.slice(2, 5));
      expect(await ownStore.readAllAfter(checkpointOf(seen[1]), 3)).toEqual(inTransaction);
    } finally {
      await own.drop();
    }
  });

  describe('immutability, enforced by the database itself', () => {
    it.each([
      ['UPDATE', `UPDATE events SET data = '{"n": 99}'`],
      ['DELETE', `DELETE FROM events`],
      ['TRUNCATE', `TRUNCATE events`],
    ])('refuses %s on the events table', async (_op, sql) => {
      await store.append('test', randomUUID(), 0, [event(1)]);
      const before = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
      await expect(db.dataSource.query(sql)).rejects.toThrow(/events are immutable/);
      expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM events`)).toEqual(before);
    });
  });

  it('announces an append to a listener once it committed', async () => {
    const streamId = randomUUID();
    // The stream as the store holds it each time the listener hears of appends.
    const seenOnHearing: Promise<StoredEvent[]>[] = [];
    let listening: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (listening = resolve));
    const stop = listenForAppends(db.url, {
      onAppended: () => {
        listening();
        seenOnHearing.push(store.readStream(streamId));
      },
    });
    try {
      await connected;
      seenOnHearing.length = 0;
      await store.append('test', streamId, 0, [event(1)]);
      const heardOfIt = await eventually(async () => {
        const seen = await Promise.all(seenOnHearing);
        return seen.some((events) => events.length === 1) || undefined;
      });
      expect(heardOfIt).toBe(true);
    } finally {
      await stop();
    }
  });

  it('keeps named log checkpoints', async () => {
    const checkpoints = new LogCheckpoints(db.dataSource);
    expect(await checkpoints.load('relay')).toEqual(LOG_START);
    const [stored] = (await store.append('test', randomUUID(), 0, [event(1)])).events;
    await checkpoints.save('relay', checkpointOf(stored));
    expect(await checkpoints.load('relay')).toEqual(checkpointOf(stored));
  });

  async function lastCheckpoint(): Promise<LogCheckpoint> {
    const all = await readAll(store);
    return all.length ? checkpointOf(all[all.length - 1]) : LOG_START;
  }
});
