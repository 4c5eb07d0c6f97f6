import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { databaseUrl, dataSourceOptions, migrate } from '@riskledger/database';
import { PostgresEventStore } from '@riskledger/event-store';
import { createKafka } from '@riskledger/messaging';
import { allProjections, replayProjection, verifyProjection } from '@riskledger/read-models';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTopics, fillLog, projectorRate, relayRate } from './lib/pipeline';
import { cpuMsOf } from './lib/system-load';

const BIG = ['risk-register', 'traceability-log'];
const REBUILD_ROUNDS = 3;

/**
 * The projector's and the rebuilds' CPU per event, Node and PostgreSQL apart, for comparing two
 * builds side by side on one log:
 *   npm run bench:projector-cpu -- fill NAME RISKS   a database NAME with a log of RISKS risks
 *     (ten events each), relayed to the topics of prefix NAME (kept as a template);
 *   node <a build>/bench/projector-cpu.bench.js measure NAME   a copy of NAME migrated by that
 *     build: the live projector over the whole topic, then each big rebuild (three times), then a
 *     verification of every projection (`measure NAME live` or `rebuild`: that part alone).
 *     Prints one JSON line.
 * PostgreSQL's server (TEST_DATABASE_SERVER_URL, else the local one) must be reachable by /proc:
 * its backends' CPU is read from there.
 */
const server =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function open(name: string): Promise<DataSource> {
  return new DataSource({
    ...dataSourceOptions(databaseUrl(server, name)),
    extra: { max: 20, statement_timeout: 0 },
  }).initialize();
}

/** CPU of this process and of the database's backends since `cpu()` was called. */
async function cpuMeter(dataSource: DataSource) {
  const backends = async () => {
    const rows: { pid: number }[] = await dataSource.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
    );
    return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid)]));
  };
  const startNode = process.cpuUsage();
  const startPg = await backends();
  return async () => {
    const node = process.cpuUsage(startNode);
    let pg = 0;
    for (const [pid, ms] of await backends()) pg += ms - (startPg.get(pid) ?? 0);
    return { nodeMs: Math.round((node.user + node.system) / 1000), pgMs: pg };
  };
}

async function fill(name: string, risks: number): Promise<void> {
  await admin(`CREATE DATABASE "${name}"`);
  await migrate(databaseUrl(server, name));
  const dataSource = await open(name);
  const kafka = quietKafka(name);
  try {
    await fillLog(new PostgresEventStore(dataSource), risks);
    await createTopics(kafka, name);
    const relayed = await relayRate(dataSource, kafka, name);
    process.stdout.write(`${JSON.stringify({ filled: name, events: relayed.events })}\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function measure(template: string, part: 'live' | 'rebuild' | 'both'): Promise<void> {
  const name = `${template}_run`;
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await migrate(databaseUrl(server, name));
  const dataSource = await open(name);
  const kafka = quietKafka(name);
  try {
    const [{ n: events }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
    let meter = await cpuMeter(dataSource);
    const live =
      part === 'rebuild'
        ? { events: 0, seconds: 1, caughtUp: false }
        : await projectorRate(dataSource, kafka, template, events, 120);
    const liveCpu = await meter();
    if (part === 'live') {
      process.stdout.write(
        `${JSON.stringify({ live: { rate: Math.round(live.events / live.seconds), ...liveCpu } })}\n`,
      );
      return;
    }
    const store = new PostgresEventStore(dataSource);
    const rebuilds = [];
    for (let round = 0; round < REBUILD_ROUNDS; round++) {
      for (const projection of allProjections().filter((p) => BIG.includes(p.name))) {
        meter = await cpuMeter(dataSource);
        const r = await replayProjection(dataSource, store, projection);
        const cpu = await meter();
        rebuilds.push({ projection: r.projection, rate: r.eventsPerSecond, ...cpu });
      }
    }
    // The start marker projectorRate adds is no event's: verification would count it.
    await dataSource.query(
      `DELETE FROM projection_checkpoints WHERE stream_id = 'bench-live-start'`,
    );
    const differing: string[] = [];
    // Without the live part, only the rebuilt read models hold the log.
    const verified = allProjections().filter((p) => part === 'both' || BIG.includes(p.name));
    for (const projection of verified) {
      const c = await verifyProjection(dataSource, store, projection);
      if (!c.identical)
        differing.push(
          `${projection.name}: ${c.differenceCount} rows, ${c.checkpointDifferenceCount} checkpoints`,
        );
    }
    process.stdout.write(
      `${JSON.stringify({
        live: {
          events: live.events,
          rate: Math.round(live.events / live.seconds),
          caughtUp: live.caughtUp,
          ...liveCpu,
          usPerEvent: Math.round(((liveCpu.nodeMs + liveCpu.pgMs) * 1000) / (live.events || 1)),
        },
        rebuilds,
        verified: differing.length === 0 ? 'identical' : differing,
      })}\n`,
    );
  } finally {
    await dataSource.destroy();
    // KEEP_DATABASE=1: left for a look at what the projector wrote.
    if (!process.env.KEEP_DATABASE) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

Logger.overrideLogger(['error']);
/** A Kafka client of the bench's own, its broker warnings kept out of the figures. */
function quietKafka(clientId: string) {
  return createKafka({ clientId, brokers }, { error: () => undefined, warn: () => undefined });
}

const [command, name, risks] = process.argv.slice(2);
(command === 'fill'
  ? fill(name, Number(risks))
  : measure(name, risks === 'live' || risks === 'rebuild' ? risks : 'both')
).catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
