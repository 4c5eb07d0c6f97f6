import 'reflect-metadata';
import { assess } from '@riskledger/domain';
import {
  databaseUrl,
  dataSourceOptions,
  findCheckoutRoot,
  localPostgres,
  migrate,
  MIGRATIONS,
} from '@riskledger/database';
import {
  eventHash,
  LogIntegrity,
  microsecondIso,
  PostgresEventStore,
  type NewEvent,
} from '@riskledger/event-store';
import {
  allProjections,
  replayProjection,
  RiskRegisterAsOf,
  RiskRegisterFold,
  RiskRegisterQueries,
  verifyProjection,
} from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { fillAtScale, readAtScale } from './lib/at-scale';
import { identified, lifeOf, newEvent } from './lib/risk-life';

/**
 * `npm run bench:investigation`: the costs of the investigation features, measured on a database
 * of its own (created here, dropped at the end) on TEST_DATABASE_SERVER_URL, else the local
 * server. Prints the figures docs/investigations.md quotes.
 *
 * - append: single-event appends, 8 writers, with hashing (now) and with the append as it was
 *   before tamper evidence (no hash, no recorded_at index), on a database migrated without it;
 * - asOf: the register as of a moment at 10,000 and 100,000 events, from its versions table (what
 *   the API answers from) beside the fold of the log (the reference), in alternating runs, and the
 *   two query shapes the versions table could answer with;
 * - rebuild: each projection replayed from position 0 at 100,000 events (events/s);
 * - verify-log and verify-projection at 100,000 events.
 *
 * With `--scale <events> [--risks <n>]` (default 10,000 risks), only the reads of the past at that
 * size: the register and one risk as of a moment, and the annual report (bench/lib/at-scale.ts);
 * `--keep` leaves that database, `--reuse <database>` migrates a kept one and reads it again.
 */

const RISKS_PER_STEP = [1_000, 9_000]; // 10 events each: 10,000 then 100,000 events
const WRITERS = 16;
const APPEND_SAMPLES = 3_000;
const APPEND_ROUNDS = 5;
const REPEAT = 5;

const option = (name: string): number | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : Number(process.argv[at + 1]);
};
const SCALE = option('--scale');

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const server =
    process.env.TEST_DATABASE_SERVER_URL ??
    (await localPostgres(join(findCheckoutRoot(__dirname), '.data/postgres'), out)).serverUrl;
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  if (SCALE !== undefined) return scaleOnly(server, suffix, SCALE);
  const current = await createDatabase(server, `riskledger_bench_${suffix}`);
  const appends = await createDatabase(server, `riskledger_bench_${suffix}_appends`);
  const baseline = await createDatabase(server, `riskledger_bench_${suffix}_before`, 2);
  const figures: [string, string][] = [];
  const note = (what: string, value: string) => {
    figures.push([what, value]);
    out(`  ${what}: ${value}`);
  };
  try {
    out(`riskledger investigation benchmark (PostgreSQL at ${new URL(server).host})`);
    out();
    out('hashing');
    const hashUs = hashCost();
    note('sha256 over canonical JSON, per event', `${hashUs.toFixed(1)} µs`);

    out('append (one event per append, own transaction, 8 writers)');
    // Alternating rounds, the median of each: neither side gets all the warm caches.
    const rounds: { before: AppendFigures; now: AppendFigures }[] = [];
    for (let round = 0; round < APPEND_ROUNDS; round++) {
      rounds.push({
        before: await appendRate(baseline.dataSource, baselineAppend),
        now: await appendRate(appends.dataSource, (ds, ...args) =>
          new PostgresEventStore(ds).append(...args).then(() => undefined),
        ),
      });
    }
    const middle = (side: 'before' | 'now') =>
      rounds.map((r) => r[side]).sort((a, b) => a.rate - b.rate)[Math.floor(APPEND_ROUNDS / 2)];
    const before = middle('before');
    const now = middle('now');
    note(
      'before tamper evidence',
      `${before.rate} events/s, median ${before.median.toFixed(2)} ms`,
    );
    note('with hash chain', `${now.rate} events/s, median ${now.median.toFixed(2)} ms`);
    note('overhead', `${(((before.rate - now.rate) / before.rate) * 100).toFixed(0)}% throughput`);

    const store = new PostgresEventStore(current.dataSource);
    const fold = new RiskRegisterFold(store);
    const asOf = new RiskRegisterAsOf(current.dataSource);
    const register = new RiskRegisterQueries(current.dataSource);
    let riskIds: string[] = [];
    for (const step of RISKS_PER_STEP) {
      const fillStarted = process.hrtime.bigint();
      const added = await fill(store, step);
      riskIds = riskIds.concat(added);
      // The statistics autovacuum would have gathered by then on a running system.
      await current.dataSource.query(`ANALYZE events`);
      const events = await count(current.dataSource);
      out();
      out(`log at ${events} events (${riskIds.length} risks with 10 events each)`);
      note(
        `append ${step * 10} events (batches of 2-4, ${WRITERS} writers)`,
        rate(step * 10, ms(fillStarted)),
      );
      // The rebuilds also build the versions table the register as of a moment is read from.
      for (const projection of allProjections()) {
        const result = await replayProjection(current.dataSource, store, projection);
        note(
          `replay ${projection.name}`,
          `${(result.durationMs / 1000).toFixed(1)} s, ${result.eventsPerSecond} events/s (${result.rows} rows)`,
        );
      }
      await current.dataSource.query(`ANALYZE risk_register_versions`);
      const midpoint = await middleTime(current.dataSource);
      const latest = new Date(Date.now() + 1000);
      const lastRisk = riskIds[riskIds.length - 1];
      const sideBySide = async (what: string, byFold: Run, byVersions: Run) => {
        const [f, v] = await timeAlternately(byFold, byVersions);
        note(
          what,
          `versions ${v.toFixed(v < 10 ? 2 : 0)} ms, fold ${f.toFixed(f < 10 ? 2 : 0)} ms`,
        );
      };
      await sideBySide(
        `GET /risks?asOf=<now> (${(await asOf.at(latest).list()).length} risks)`,
        () => fold.list(latest),
        () => asOf.at(latest).list(),
      );
      await sideBySide(
        'GET /risks?asOf=<middle of the log>',
        () => fold.list(midpoint),
        () => asOf.at(midpoint).list(),
      );
      await sideBySide(
        'GET /risks/:id?asOf=<now>',
        () => fold.get(lastRisk, latest),
        () => asOf.at(latest).get(lastRisk),
      );
      const [validity, distinctOn] = await timeAlternately(
        () =>
          current.dataSource.query(
            `SELECT entry FROM risk_register_versions
             WHERE tstzrange(recorded_at, valid_to) @> $1::timestamptz`,
            [midpoint],
          ),
        () =>
          current.dataSource.query(
            `SELECT DISTINCT ON (risk_id) entry FROM risk_register_versions
             WHERE recorded_at <= $1 ORDER BY risk_id, recorded_at DESC`,
            [midpoint],
          ),
      );
      note(
        'versions as of <middle>: validity range (GiST) / DISTINCT ON',
        `${validity.toFixed(0)} ms / ${distinctOn.toFixed(0)} ms`,
      );
      const [{ bytes, versions }] = await current.dataSource.query(
        `SELECT pg_total_relation_size('risk_register_versions')::bigint AS bytes,
                (SELECT count(*)::int FROM risk_register_versions) AS versions`,
      );
      note(
        'risk_register_versions storage',
        `${versions} versions, ${(Number(bytes) / 2 ** 20).toFixed(0)} MB (${Math.round(Number(bytes) / versions)} bytes each)`,
      );
      const live = await timeIt(() => register.list({}));
      note('GET /risks (live read model), for comparison', `${live.toFixed(0)} ms`);
    }
    out();
    out('checks at the full log');
    const integrity = new LogIntegrity(current.dataSource);
    let started = process.hrtime.bigint();
    const seals = await integrity.seal();
    note(
      'seal the whole log (first time)',
      `${(ms(started) / 1000).toFixed(1)} s, ${seals.length} seals`,
    );
    started = process.hrtime.bigint();
    const report = await integrity.check();
    note(
      'verify-log',
      `${(ms(started) / 1000).toFixed(1)} s for ${report.events} events (${rate(report.events, ms(started))}), intact: ${report.intact}`,
    );
    const [{ seals: sealBytes }] = await current.dataSource.query(
      `SELECT pg_total_relation_size('log_seals')::bigint AS seals`,
    );
    note('log_seals storage', `${Math.round(Number(sealBytes) / report.events)} bytes per event`);
    for (const projection of allProjections()) {
      started = process.hrtime.bigint();
      const comparison = await verifyProjection(current.dataSource, store, projection);
      note(
        `verify-projection ${projection.name}`,
        `${(ms(started) / 1000).toFixed(1)} s, identical: ${comparison.identical}`,
      );
    }
    out();
    out('| measure | figure |');
    out('| --- | --- |');
    for (const [what, value] of figures) out(`| ${what} | ${value} |`);
  } finally {
    await current.drop();
    await appends.drop();
    await baseline.drop();
  }
}

async function scaleOnly(server: string, suffix: string, events: number): Promise<void> {
  const reuse = process.argv[process.argv.indexOf('--reuse') + 1];
  const name = process.argv.includes('--reuse') ? reuse : `riskledger_bench_${suffix}_scale`;
  const database = await createDatabase(server, name, undefined, process.argv.includes('--reuse'));
  const risks = option('--risks') ?? 10_000;
  const note = (what: string, value: string) => out(`| ${what} | ${value} |`);
  out(`riskledger investigation benchmark at ${events} events, ${risks} risks (${name})`);
  const keep = process.argv.includes('--keep') || process.argv.includes('--reuse');
  try {
    if (!process.argv.includes('--reuse')) {
      await fillAtScale(database.dataSource, { events, risks }, note);
    }
    await readAtScale(database.dataSource, note, timeIt);
  } finally {
    // `--keep`: leave the database for a closer look or `--reuse`; drop it by hand afterwards.
    if (keep) {
      await database.dataSource.destroy();
      out(`kept ${name}`);
    } else await database.drop();
  }
}

function rate(events: number, elapsedMs: number): string {
  return `${Math.round(events / (elapsedMs / 1000))} events/s`;
}

type Run = () => Promise<unknown>;

/** The medians of two ways of doing one thing, run in turn so that neither gets all the warm caches. */
async function timeAlternately(first: Run, second: Run): Promise<[number, number]> {
  await first();
  await second();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < REPEAT; i++) {
    for (const [n, run] of [first, second].entries()) {
      const started = process.hrtime.bigint();
      await run();
      times[n].push(ms(started));
    }
  }
  return [median(times[0]), median(times[1])];
}

async function timeIt(run: Run): Promise<number> {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(ms(started));
  }
  return median(times);
}

function hashCost(): number {
  const n = 50_000;
  const data = {
    riskId: randomUUID(),
    ...assess({ likelihood: 3, consequence: 4 }),
    note: 'x'.repeat(80),
  };
  const metadata = {
    actor: 'anna.berg@region.se',
    correlationId: randomUUID(),
    causationId: null,
    reason: 'Yearly review',
  };
  const started = process.hrtime.bigint();
  let previous: string | null = null;
  for (let i = 0; i < n; i++) {
    previous = eventHash(
      {
        position: i,
        eventId: randomUUID(),
        streamId: 'risk',
        streamType: 'risk',
        streamVersion: i + 1,
        type: 'RiskAssessed',
        schemaVersion: 1,
        data,
        metadata,
        recordedAt: microsecondIso(new Date()),
      },
      previous,
    );
  }
  return (ms(started) * 1000) / n;
}

type Append = (
  dataSource: DataSource,
  streamType: string,
  streamId: string,
  expectedVersion: number,
  events: NewEvent[],
) => Promise<void>;

interface AppendFigures {
  rate: number;
  median: number;
}

async function appendRate(dataSource: DataSource, append: Append): Promise<AppendFigures> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < APPEND_SAMPLES) {
        next++;
        const id = randomUUID();
        const t = process.hrtime.bigint();
        await append(dataSource, 'risk', id, 0, [newEvent(identified(id))]);
        latencies.push(ms(t));
      }
    }),
  );
  return {
    rate: Math.round(latencies.length / (ms(started) / 1000)),
    median: median(latencies),
  };
}

/** The append as it was before tamper evidence (commit 9fd35ae), for comparison. */
const baselineAppend: Append = async (
  dataSource,
  streamType,
  streamId,
  expectedVersion,
  events,
) => {
  await dataSource.transaction(async (m) => {
    const [row] = await m.query(
      `SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1`,
      [streamId],
    );
    if (row.version !== expectedVersion) throw new Error('conflict');
    await m.query(
      `INSERT INTO events (event_id, stream_id, stream_type, stream_version, event_type,
                           schema_version, data, metadata, recorded_at)
       SELECT e.event_id, $1, $2, e.stream_version, e.event_type, e.schema_version, e.data,
              e.metadata, $3
       FROM unnest($4::uuid[], $5::int[], $6::text[], $7::int[], $8::jsonb[], $9::jsonb[])
            WITH ORDINALITY AS e(event_id, stream_version, event_type, schema_version, data,
                                 metadata, n)
       ORDER BY e.n
       RETURNING position, transaction_id::text AS transaction_id, event_id, stream_id, stream_type,
         stream_version, event_type, schema_version, data, metadata, recorded_at`,
      [
        streamId,
        streamType,
        new Date(),
        events.map(() => randomUUID()),
        events.map((_, i) => expectedVersion + i + 1),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
  });
};

/** Appends `risks` risks of 10 events each, as a few appends per risk, from WRITERS writers. */
async function fill(store: PostgresEventStore, risks: number): Promise<string[]> {
  const ids = Array.from({ length: risks }, () => randomUUID());
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const batches = lifeOf(id);
        let version = 0;
        for (const batch of batches) {
          await store.append('risk', id, version, batch.map(newEvent));
          version += batch.length;
        }
      }
    }),
  );
  return ids;
}

async function count(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
  return n;
}

async function middleTime(dataSource: DataSource): Promise<Date> {
  const [{ at }] = await dataSource.query(
    `SELECT recorded_at AS at FROM events ORDER BY position
     OFFSET (SELECT count(*) / 2 FROM events) LIMIT 1`,
  );
  return at;
}

async function createDatabase(
  server: string,
  name: string,
  migrations?: number,
  exists = false,
) {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  if (!exists) await admin(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(server, name);
  const options = { ...dataSourceOptions(url), extra: { max: WRITERS + 4, statement_timeout: 0 } };
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
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
