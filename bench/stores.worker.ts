import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dataSourceOptions } from '@riskledger/database';
import { EVENT_CATALOGUE } from '@riskledger/domain';
import { LOG_START, PostgresEventStore } from '@riskledger/event-store';
import { DataSource } from 'typeorm';
import { runWindow, type WindowResult } from './lib/measure';
import { benchEvent } from './lib/payload';

/**
 * One store's side of the store benchmark, in a process of its own: loading Emmett's driver
 * replaces pg's global type parsers, which would skew whatever else shared the process.
 *
 *   node dist/bench/stores.worker.js <riskledger|emmett|plain> <database url> <settings json>
 *
 * Prints one JSON line per workload on stdout.
 */

export type StoreName = 'riskledger' | 'emmett' | 'plain';

export interface WorkerSettings {
  warmupSeconds: number;
  seconds: number;
  /** Events the "whole log" read covers at most. */
  readAllEvents: number;
}

export interface WorkloadFigure extends WindowResult {
  store: StoreName;
  workload: string;
}

type Event = ReturnType<typeof benchEvent>;

/** The operations every store offers the workloads. */
interface Store {
  append(streamId: string, expectedVersion: number, events: Event[]): Promise<void>;
  /** Reads a stream whole; returns how many events it had. */
  readStream(streamId: string): Promise<number>;
  /** Reads the log in commit order from the start, a page at a time, up to `max` events. */
  readAll(max: number, page: number): Promise<number>;
  close(): Promise<void>;
  /** Further append paths this store offers for batches (the plain table's multi-row INSERT, COPY). */
  batchPaths?: Record<string, (streamId: string, events: Event[]) => Promise<void>>;
}

const POOL_SIZE = 32;

/**
 * The bench event's schema version today: what the product writes. An older version would be
 * upcast on every read, a cost the other stores are not asked to pay.
 */
const CURRENT_SCHEMA = EVENT_CATALOGUE.RiskIdentified.schemaVersion;

async function riskledgerStore(url: string): Promise<Store> {
  const dataSource = await new DataSource({
    ...dataSourceOptions(url),
    extra: { max: POOL_SIZE, statement_timeout: 0 },
  }).initialize();
  const store = new PostgresEventStore(dataSource);
  return {
    async append(streamId, expectedVersion, events) {
      await store.append(
        'risk',
        streamId,
        expectedVersion,
        events.map((e) => ({ ...e, schemaVersion: CURRENT_SCHEMA })),
      );
    },
    async readStream(streamId) {
      return (await store.readStream(streamId)).length;
    },
    async readAll(max, page) {
      let read = 0;
      let after = LOG_START;
      while (read < max) {
        const batch = await store.readAllAfter(after, page);
        if (batch.length === 0) break;
        read += batch.length;
        const last = batch[batch.length - 1];
        after = { transactionId: last.transactionId, position: last.position };
      }
      return read;
    },
    close: () => dataSource.destroy(),
  };
}

async function emmettStore(url: string): Promise<Store> {
  // Emmett's driver makes its pools with pg's defaults (10 connections): give it what the others have.
  const Pool = pg.Pool;
  pg.Pool = class extends Pool {
    constructor(options?: pg.PoolConfig) {
      super({ ...options, max: POOL_SIZE });
    }
  };
  const { getPostgreSQLEventStore, readMessagesBatch } =
    await import('@event-driven-io/emmett-postgresql');
  const { STREAM_DOES_NOT_EXIST } = await import('@event-driven-io/emmett');
  const { dumbo } = await import('@event-driven-io/dumbo');
  const store = getPostgreSQLEventStore(url);
  const reader = dumbo({ connectionString: url });
  return {
    async append(streamId, expectedVersion, events) {
      await store.appendToStream(`risk-${streamId}`, events, {
        expectedStreamVersion:
          expectedVersion === 0 ? STREAM_DOES_NOT_EXIST : BigInt(expectedVersion),
      });
    },
    async readStream(streamId) {
      return (await store.readStream(`risk-${streamId}`)).events.length;
    },
    async readAll(max, page) {
      let read = 0;
      let after = 0n;
      while (read < max) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: page });
        if (batch.messages.length === 0) break;
        read += batch.messages.length;
        after = batch.currentGlobalPosition;
      }
      return read;
    },
    async close() {
      await store.close();
      await reader.close();
    },
  };
}

/** The floor: the same row into a table with the same columns and keys, and nothing else. */
async function plainStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS bench_plain_events (
      position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, stream_type text NOT NULL,
      stream_version integer NOT NULL, event_type text NOT NULL, schema_version integer NOT NULL,
      data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream_id, stream_version))`);
  const { from: copyFrom } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { Readable } = await import('node:stream');
  const multiRow = async (streamId: string, expectedVersion: number, events: Event[]) => {
    await pool.query(
      `INSERT INTO bench_plain_events (event_id, stream_id, stream_type, stream_version, event_type,
         schema_version, data, metadata)
       SELECT e.id, $1, 'risk', $2 + e.n, e.type, 1, e.data, e.metadata
       FROM unnest($3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY
         AS e(id, type, data, metadata, n)`,
      [
        streamId,
        expectedVersion,
        events.map(() => randomUUID()),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
  };
  const copy = async (streamId: string, events: Event[]) => {
    const client = await pool.connect();
    try {
      const escape = (json: string) => json.replace(/\\/g, '\\\\');
      const lines = events.map(
        (e, i) =>
          `${randomUUID()}\t${streamId}\trisk\t${i + 1}\t${e.type}\t1\t` +
          `${escape(JSON.stringify(e.data))}\t${escape(JSON.stringify(e.metadata))}\n`,
      );
      await pipeline(
        Readable.from([lines.join('')]),
        client.query(
          copyFrom(
            `COPY bench_plain_events (event_id, stream_id, stream_type, stream_version, event_type,
               schema_version, data, metadata) FROM STDIN`,
          ),
        ),
      );
    } finally {
      client.release();
    }
  };
  return {
    async append(streamId, expectedVersion, events) {
      if (events.length > 1) return multiRow(streamId, expectedVersion, events);
      const [e] = events;
      await pool.query(
        `INSERT INTO bench_plain_events (event_id, stream_id, stream_type, stream_version,
           event_type, schema_version, data, metadata)
         VALUES ($1, $2, 'risk', $3, $4, 1, $5, $6)`,
        [randomUUID(), streamId, expectedVersion + 1, e.type, e.data, e.metadata],
      );
    },
    async readStream(streamId) {
      const { rows } = await pool.query(
        `SELECT * FROM bench_plain_events WHERE stream_id = $1 ORDER BY stream_version`,
        [streamId],
      );
      return rows.length;
    },
    async readAll(max, page) {
      let read = 0;
      let after = '0';
      while (read < max) {
        const { rows } = await pool.query(
          `SELECT * FROM bench_plain_events WHERE position > $1 ORDER BY position LIMIT $2`,
          [after, page],
        );
        if (rows.length === 0) break;
        read += rows.length;
        after = rows[rows.length - 1].position;
      }
      return read;
    },
    close: () => pool.end(),
    batchPaths: { 'multi-row INSERT': (id, events) => multiRow(id, 0, events), COPY: copy },
  };
}

const STORES: Record<StoreName, (url: string) => Promise<Store>> = {
  riskledger: riskledgerStore,
  emmett: emmettStore,
  plain: plainStore,
};

const batchOf = (n: number) => {
  const id = randomUUID();
  return Array.from({ length: n }, () => benchEvent(id));
};

/** The workloads, in the order the table shows them; each returns its window's figures. */
function workloads(store: Store, settings: WorkerSettings) {
  const window = { warmupSeconds: settings.warmupSeconds, seconds: settings.seconds };
  const newStreams = (writers: number) => () =>
    runWindow(
      writers,
      async () => {
        const id = randomUUID();
        await store.append(id, 0, [benchEvent(id)]);
        return 1;
      },
      window,
    );
  const list: [string, () => Promise<WindowResult>][] = [
    ['append 1 event, 1 writer', newStreams(1)],
    ['append 1 event, 8 writers', newStreams(8)],
    ['append 1 event, 32 writers', newStreams(32)],
    [
      'append onto 100 existing streams, 16 writers',
      async () => {
        // Each writer owns the streams i ≡ writer (mod 16), so that no append conflicts.
        const streams = Array.from({ length: 100 }, () => ({ id: randomUUID(), version: 0 }));
        for (const s of streams) await store.append(s.id, s.version++, [benchEvent(s.id)]);
        return runWindow(
          16,
          async (writer, n) => {
            const own = streams.filter((_, i) => i % 16 === writer);
            const s = own[n % own.length];
            await store.append(s.id, s.version, [benchEvent(s.id)]);
            s.version++;
            return 1;
          },
          window,
        );
      },
    ],
    [
      'append 100 events, 4 writers',
      () =>
        runWindow(
          4,
          async () => {
            const events = batchOf(100);
            await store.append(randomUUID(), 0, events);
            return 100;
          },
          window,
        ),
    ],
    ...Object.entries(store.batchPaths ?? {}).map(
      ([path, append]): [string, () => Promise<WindowResult>] => [
        `append 100 events, 4 writers (${path})`,
        () =>
          runWindow(
            4,
            async () => {
              await append(randomUUID(), batchOf(100));
              return 100;
            },
            window,
          ),
      ],
    ),
    [
      'read one 1,000-event stream',
      async () => {
        const id = randomUUID();
        for (let v = 0; v < 1000; v += 100) await store.append(id, v, batchOf(100));
        return runWindow(1, () => store.readStream(id), window);
      },
    ],
    [
      `read the log in pages of 1,000 (up to ${settings.readAllEvents.toLocaleString('en')} events)`,
      () => runWindow(1, () => store.readAll(settings.readAllEvents, 1000), window),
    ],
  ];
  return list;
}

async function main(): Promise<void> {
  const [name, url, json] = process.argv.slice(2) as [StoreName, string, string];
  const settings = JSON.parse(json) as WorkerSettings;
  const store = await STORES[name](url);
  try {
    // Outside every window: Emmett creates its schema on its first append.
    const first = randomUUID();
    await store.append(first, 0, [benchEvent(first)]);
    for (const [workload, run] of workloads(store, settings)) {
      const figure: WorkloadFigure = { store: name, workload, ...(await run()) };
      process.stdout.write(`${JSON.stringify(figure)}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
