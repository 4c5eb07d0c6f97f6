import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  newEvent,
  mitigationPlanned,
  riskAssessed,
  riskIdentified,
  incidentReported,
} from '../../../../test/support/domain-events';
import {
  createTestDatabase,
  renumberLogTransactions,
  type TestDatabase,
} from '../../../../test/support/test-database';
import { HASHED_EVENT_COLUMNS, hashedFieldsOf, type HashedEventRow } from '../event-row';
import { PostgresEventStore } from '../postgres-event-store';
import { LOG_START, type StoredEvent } from '../stored-event';
import { eventually } from '../../../../test/support/running-system';
import { eventHash } from './event-hash';
import { LogIntegrity } from './log-integrity';
import { LogSealer } from './log-sealer';

/** A small log of three streams, appended one command at a time, and what was appended. */
interface History {
  db: TestDatabase;
  store: PostgresEventStore;
  integrity: LogIntegrity;
  events: StoredEvent[];
  /** The events of a stream, in version order. */
  stream(n: 0 | 1 | 2): StoredEvent[];
}

async function givenHistory(): Promise<History> {
  const db = await createTestDatabase();
  const store = new PostgresEventStore(db.dataSource);
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  const appends: [string, string, Parameters<typeof newEvent>[0][]][] = [
    ['risk', a, [riskIdentified(a), riskAssessed(a, 4, 4)]],
    ['risk', b, [riskIdentified(b, { area: 'IT_SECURITY' })]],
    ['risk', a, [mitigationPlanned(a, 'm-1')]],
    ['incident', c, [incidentReported(c, [a])]],
    ['risk', b, [riskAssessed(b, 2, 3)]],
    ['risk', a, [riskAssessed(a, 2, 4)]],
  ];
  for (const [type, id, events] of appends) {
    await store.append(
      type,
      id,
      await store.streamVersion(id),
      events.map((e) => newEvent(e)),
    );
  }
  const events = (await Promise.all([a, b, c].map((id) => store.readStream(id))))
    .flat()
    .sort((x, y) => x.position - y.position);
  // A transaction still open anywhere on the server (another test's) holds the sealer back, as it
  // holds every reader of the log: wait until the whole history is readable in commit order.
  await eventually(async () =>
    (await store.readAllAfter(LOG_START, 100)).length === events.length ? true : undefined,
  );
  return {
    db,
    store,
    integrity: new LogIntegrity(db.dataSource),
    events,
    stream: (n) => events.filter((e) => e.streamId === [a, b, c][n]),
  };
}

/** What someone with the database's owner rights can do once they set the guards aside. */
async function tamper(history: History, change: (m: EntityManager) => Promise<unknown>) {
  await history.db.dataSource.transaction(async (m) => {
    await m.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await change(m);
    await m.query(`ALTER TABLE events ENABLE TRIGGER USER`);
  });
}

describe('tamper evidence of the event log', () => {
  const opened: TestDatabase[] = [];
  const history = async () => {
    const h = await givenHistory();
    opened.push(h.db);
    return h;
  };
  afterAll(() => Promise.all(opened.map((db) => db.drop())));

  it('gives every event a hash at append time that chains it to the one before in its stream', async () => {
    const h = await history();
    const [first, second, third] = h.stream(0);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const rows: HashedEventRow[] = await h.db.dataSource.query(
      `SELECT ${HASHED_EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [first.streamId],
    );
    expect(eventHash(hashedFieldsOf(rows[0]), null)).toBe(first.hash);
    expect(eventHash(hashedFieldsOf(rows[1]), first.hash)).toBe(second.hash);
    expect(eventHash(hashedFieldsOf(rows[2]), second.hash)).toBe(third.hash);
  });

  it('seals the log in commit order, each seal chained to the one before, and finds it intact', async () => {
    const h = await history();
    const sealer = new LogSealer(h.db.dataSource, 3);
    const seals = await sealer.sealPending();
    expect(seals.map((s) => s.sealNo)).toEqual([1, 2, 3]);
    expect(seals.map((s) => s.eventCount)).toEqual([3, 3, 1]);
    expect(seals[1].previousHash).toBe(seals[0].hash);
    expect(seals[2].upTo.position).toBe(h.events[h.events.length - 1].position);
    expect(await sealer.sealPending()).toEqual([]);

    const report = await h.integrity.check();
    expect(report).toMatchObject({
      intact: true,
      events: 7,
      streams: 3,
      firstPosition: h.events[0].position,
      lastPosition: h.events[6].position,
      seals: 3,
      sealedEvents: 7,
      unsealedEvents: 0,
      guardsEnabled: true,
      firstBreak: null,
      problemCount: 0,
    });
    expect(report.head).toEqual(seals[2]);
  });

  it('seals and verifies the log in commit order when the transaction ids gain a digit', async () => {
    const h = await history();
    // Six transactions: 97 to 102. Ordered as text, 100 to 102 would be sealed first and 97 to 99 never.
    await renumberLogTransactions(h.db.dataSource, 97);
    const seals = await new LogSealer(h.db.dataSource, 3).sealPending();
    expect(seals.map((s) => [s.eventCount, s.upTo.transactionId])).toEqual([
      [3, '98'],
      [3, '101'],
      [1, '102'],
    ]);
    expect(await h.integrity.check()).toMatchObject({
      intact: true,
      events: 7,
      sealedEvents: 7,
      unsealedEvents: 0,
      problemCount: 0,
    });
  });

  it('lets concurrent sealers and writers go on without breaking the seal chain', async () => {
    const h = await history();
    const sealers = [new LogSealer(h.db.dataSource, 2), new LogSealer(h.db.dataSource, 2)];
    const streams = Array.from({ length: 6 }, () => randomUUID());
    let writing = true;
    const sealing = (async () => {
      while (writing) await Promise.all(sealers.map((s) => s.sealPending()));
    })();
    await Promise.all(
      streams.map(async (id) => {
        await h.store.append('risk', id, 0, [newEvent(riskIdentified(id))]);
        for (let v = 1; v < 4; v++) {
          await h.store.append('risk', id, v, [newEvent(riskAssessed(id, 1 + (v % 5), 2))]);
        }
      }),
    );
    writing = false;
    await sealing;

    // A seal covers settled transactions only: one still running anywhere on the server (another
    // test's) holds the newest events back until it ends.
    const report = await eventually(async () => {
      const checked = await h.integrity.check();
      return checked.sealedEvents === checked.events ? checked : undefined;
    });
    expect(report.intact).toBe(true);
    expect(report.events).toBe(7 + 6 * 4);
  });

  it('reports the position of an event whose data was changed in the database', async () => {
    const h = await history();
    await h.integrity.seal();
    const target = h.stream(0)[1]; // RiskAssessed 4 × 4, not the stream's last event
    await tamper(h, (m) =>
      m.query(`UPDATE events SET data = jsonb_set(data, '{likelihood}', '1') WHERE position = $1`, [
        target.position,
      ]),
    );

    const report = await h.integrity.check();

    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      kind: 'HASH_MISMATCH',
      position: target.position,
      streamId: target.streamId,
      streamVersion: 2,
    });
    expect(report.problemCount).toBe(1);
  });

  it('still finds an edit whose author recomputed the hash, through the seal', async () => {
    const h = await history();
    await h.integrity.seal();
    const last = h.stream(1)[1]; // the last event of its stream: no later link to break
    const [row]: HashedEventRow[] = await h.db.dataSource.query(
      `SELECT ${HASHED_EVENT_COLUMNS} FROM events WHERE position = $1`,
      [last.position],
    );
    const forged = { ...hashedFieldsOf(row), data: { ...(row.data as object), consequence: 1 } };
    const forgedHash = eventHash(forged, h.stream(1)[0].hash);
    await tamper(h, (m) =>
      m.query(`UPDATE events SET data = $2::jsonb, hash = $3 WHERE position = $1`, [
        last.position,
        JSON.stringify(forged.data),
        forgedHash,
      ]),
    );

    const report = await h.integrity.check();

    expect(report.firstBreak).toMatchObject({ kind: 'SEAL_MISMATCH', position: last.position });
    expect(report.problems.map((p) => p.kind)).toEqual(['SEAL_MISMATCH']);
  });

  it("reports the position of a deleted event, even a stream's last one", async () => {
    const h = await history();
    await h.integrity.seal();
    const last = h.stream(2)[0]; // the incident's only event: its whole stream goes
    await tamper(h, (m) => m.query(`DELETE FROM events WHERE position = $1`, [last.position]));

    const report = await h.integrity.check();

    expect(report.firstBreak).toMatchObject({ kind: 'EVENT_MISSING', position: last.position });
    expect(report.problemCount).toBe(1);
    expect(report.events).toBe(6);
  });

  it('reports where a deleted event in the middle of a stream was, and the gap it left', async () => {
    const h = await history();
    await h.integrity.seal();
    const [, middle, next] = h.stream(0);
    await tamper(h, (m) => m.query(`DELETE FROM events WHERE position = $1`, [middle.position]));

    const report = await h.integrity.check();

    expect(report.firstBreak).toMatchObject({ kind: 'EVENT_MISSING', position: middle.position });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'EVENT_MISSING', position: middle.position }),
      expect.objectContaining({ kind: 'VERSION_MISSING', position: next.position }),
    ]);
  });

  it('reports the first of two rows that were swapped in the log', async () => {
    const h = await history();
    await h.integrity.seal();
    const [p1, p2] = [h.stream(0)[2].position, h.stream(1)[1].position].sort((x, y) => x - y);
    await tamper(h, async (m) => {
      await m.query(`CREATE TEMP TABLE swapped ON COMMIT DROP AS
                     SELECT * FROM events WHERE position IN (${p1}, ${p2})`);
      await m.query(`DELETE FROM events WHERE position IN (${p1}, ${p2})`);
      // Each takes the other's place in commit order: position and transaction.
      await m.query(`
        INSERT INTO events (position, transaction_id, event_id, stream_id, stream_type,
          stream_version, event_type, schema_version, data, metadata, recorded_at, hash)
        OVERRIDING SYSTEM VALUE
        SELECT o.position, o.transaction_id, s.event_id, s.stream_id, s.stream_type,
          s.stream_version, s.event_type, s.schema_version, s.data, s.metadata, s.recorded_at, s.hash
        FROM swapped s JOIN swapped o ON o.position <> s.position`);
    });

    const report = await h.integrity.check();

    expect(report.intact).toBe(false);
    expect(report.firstBreak?.position).toBe(p1);
    expect(new Set(report.problems.map((p) => p.position))).toEqual(new Set([p1, p2]));
    expect(report.events).toBe(7);
  });

  it('reports an event slipped into a sealed range, even one with a valid hash of its own', async () => {
    const h = await history();
    await h.integrity.seal();
    const [first] = h.events;
    const forgedStream = randomUUID();
    const position = 999_999;
    const [row]: HashedEventRow[] = await h.db.dataSource.query(
      `SELECT ${HASHED_EVENT_COLUMNS} FROM events WHERE position = $1`,
      [first.position],
    );
    const forged = {
      ...hashedFieldsOf(row),
      position,
      eventId: randomUUID(),
      streamId: forgedStream,
    };
    await tamper(h, (m) =>
      // In the first transaction's place in commit order: inside the first seal's range.
      m.query(
        `INSERT INTO events (position, transaction_id, event_id, stream_id, stream_type,
           stream_version, event_type, schema_version, data, metadata, recorded_at, hash,
           hash_version)
         OVERRIDING SYSTEM VALUE
         SELECT $1, transaction_id, $2, $3, stream_type, stream_version, event_type,
                schema_version, data, metadata, recorded_at, $4, hash_version
         FROM events WHERE position = $5`,
        [position, forged.eventId, forgedStream, eventHash(forged, null), first.position],
      ),
    );

    const report = await h.integrity.check({ seal: false });

    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'EVENT_NOT_SEALED',
        position,
        streamId: forgedStream,
        sealNo: 1,
      }),
    ]);
  });

  it('finds an edit in events not sealed yet through their stream chain', async () => {
    const h = await history();
    const target = h.stream(0)[0];
    await tamper(h, (m) =>
      m.query(
        `UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '"x"') WHERE position = $1`,
        [target.position],
      ),
    );

    const report = await h.integrity.check({ seal: false });

    expect(report).toMatchObject({ seals: 0, unsealedEvents: 7, head: null });
    expect(report.firstBreak).toMatchObject({ kind: 'HASH_MISMATCH', position: target.position });
  });

  it('reports a seal that was edited, and says when the guards are off', async () => {
    const h = await history();
    await new LogSealer(h.db.dataSource, 4).sealPending();
    await h.db.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE log_seals DISABLE TRIGGER USER`);
      await m.query(`UPDATE log_seals SET event_hashes[1] = $1 WHERE seal_no = 2`, [
        '0'.repeat(64),
      ]);
      await m.query(`ALTER TABLE log_seals ENABLE TRIGGER USER`);
    });
    await h.db.dataSource.query(`ALTER TABLE events DISABLE TRIGGER events_no_update_or_delete`);

    const report = await h.integrity.check({ seal: false });

    expect(report.guardsEnabled).toBe(false);
    expect(report.problems.map((p) => [p.kind, p.sealNo])).toEqual([
      ['SEAL_BROKEN', 2],
      ['SEAL_MISMATCH', 2],
    ]);
    expect(report.firstBreak?.position).toBe(h.events[4].position);
  });

  it('refuses UPDATE and DELETE on the seals', async () => {
    const h = await history();
    await h.integrity.seal();
    await expect(h.db.dataSource.query(`DELETE FROM log_seals`)).rejects.toThrow(
      /seals are immutable/,
    );
    await expect(h.db.dataSource.query(`UPDATE log_seals SET hash = hash`)).rejects.toThrow(
      /seals are immutable/,
    );
  });
});
