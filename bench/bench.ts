import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  databaseUrl,
  dataSourceOptions,
  findCheckoutRoot,
  localPostgres,
  migrate,
} from '@riskledger/database';
import { PostgresEventStore } from '@riskledger/event-store';
import { createKafka, systemTopics, topicFor } from '@riskledger/messaging';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { median } from './lib/measure';
import {
  commandToRegister,
  cpuPerRequest,
  identifyRisksFlat,
  secondsUntilRegisterCaughtUp,
  startSystem,
} from './lib/system-load';
import { PAYLOAD_BYTES } from './lib/payload';
import {
  bareProducerRate,
  createTopics,
  fillLog,
  projectorRate,
  rebuildRates,
  relayRate,
} from './lib/pipeline';
import type { StoreName, WorkerSettings, WorkloadFigure } from './stores.worker';

/**
 * `npm run bench` (`-- --quick` for a short run): every path measured beside its peer, in one run,
 * on one PostgreSQL (TEST_DATABASE_SERVER_URL, else the local server) and the Kafka broker at
 * KAFKA_BROKERS (else 127.0.0.1:9092), in databases and topics of its own that it removes after.
 * Prints one table and writes it as JSON under bench/results/ (git-ignored).
 */

const QUICK = process.argv.includes('--quick');
/** `--only stores`, `--only pipeline` or `--only system`: one part of the table. */
const ONLY = process.argv[process.argv.indexOf('--only') + 1];
const runs = (part: string) => !process.argv.includes('--only') || ONLY === part;
const SETTINGS = QUICK
  ? {
      rounds: 2,
      pipelineRounds: 1,
      warmupSeconds: 0.2,
      seconds: 0.5,
      risks: 1_000,
      projectorSeconds: 5,
      httpWarmupSeconds: 2,
      httpRounds: 2,
      httpSeconds: 4,
      latencySeconds: 5,
    }
  : {
      rounds: 3,
      pipelineRounds: 3,
      warmupSeconds: 1,
      seconds: 4,
      risks: 10_000,
      projectorSeconds: 30,
      httpWarmupSeconds: 5,
      // Back to back: a minute at peak load before the register's catch-up is timed.
      httpRounds: 3,
      httpSeconds: 20,
      latencySeconds: 20,
    };
const STORES: StoreName[] = ['riskledger', 'emmett', 'plain'];
/** Commands a second that leave the machine idle between them: the pipeline's own latency. */
const FLOOR_RATE = 5;

const out = (line = '') => process.stdout.write(`${line}\n`);

interface Row {
  section: string;
  workload: string;
  unit: string;
  /** One value per repeat, per side. */
  sides: Record<string, number[]>;
  note?: string;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const root = findCheckoutRoot(__dirname);
  const server =
    process.env.TEST_DATABASE_SERVER_URL ??
    (await localPostgres(join(root, '.data/postgres'), out)).serverUrl;
  const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
  const rows: Row[] = [];
  const machine = await describeMachine(server);
  out(`riskledger bench${QUICK ? ' (quick)' : ''}: ${machine.join('; ')}`);
  out(`event payload: ${PAYLOAD_BYTES} bytes of JSON (data and metadata)`);

  if (runs('stores')) {
    const stores = await createDatabase(server, `riskledger_bench_${suffix}`);
    try {
      await storeFigures(stores.url, rows);
    } finally {
      await stores.drop();
    }
  }

  const kafka = createKafka(
    {
      clientId: 'riskledger-bench',
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    },
    { error: () => undefined, warn: () => undefined },
  );
  const prefixes: string[] = [];
  try {
    if (runs('pipeline')) {
      const pipeline = await createDatabase(server, `riskledger_bench_${suffix}_pipeline`);
      try {
        await pipelineFigures(pipeline.dataSource, kafka, suffix, prefixes, rows);
      } finally {
        await pipeline.drop();
      }
    }
    if (runs('system')) {
      const system = await createDatabase(server, `riskledger_bench_${suffix}_system`);
      prefixes.push(`bench-${suffix}-system`);
      try {
        await systemFigures(system.url, kafka, `bench-${suffix}-system`, rows);
      } finally {
        await system.drop();
      }
    }
  } finally {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: prefixes.flatMap(systemTopics) }).catch(() => undefined);
    await admin.disconnect();
  }

  printTable(rows);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ quick: QUICK, settings: SETTINGS, machine, rows }, null, 2));
  out(`\nwritten to ${file}`);
}

/** The stores' workloads, each store in a process of its own, in rounds whose order rotates. */
async function storeFigures(url: string, rows: Row[]): Promise<void> {
  const settings: WorkerSettings = {
    warmupSeconds: SETTINGS.warmupSeconds,
    seconds: SETTINGS.seconds,
    readAllEvents: 20_000,
  };
  const figures: WorkloadFigure[] = [];
  for (let round = 0; round < SETTINGS.rounds; round++) {
    for (let i = 0; i < STORES.length; i++) {
      const store = STORES[(i + round) % STORES.length];
      out(`  round ${round + 1}/${SETTINGS.rounds}: ${store}`);
      figures.push(...(await runWorker(store, url, settings)));
    }
  }
  const workloads = [...new Set(figures.map((f) => f.workload))];
  for (const workload of workloads) {
    const sides: Record<string, number[]> = {};
    for (const f of figures.filter((f) => f.workload === workload)) {
      (sides[f.store] ??= []).push(f.events / f.seconds);
    }
    const [riskledgerP50] = figures
      .filter((f) => f.workload === workload && f.store === 'riskledger')
      .map((f) => f.p50);
    rows.push({
      section: workload.startsWith('read') ? 'reads' : 'appends',
      workload,
      unit: 'events/s',
      sides,
      note:
        typeof riskledgerP50 !== 'number'
          ? undefined
          : `riskledger p50 ${riskledgerP50.toFixed(2)} ms`,
    });
  }
}

function runWorker(store: StoreName, url: string, settings: WorkerSettings) {
  return new Promise<WorkloadFigure[]>((resolve, reject) => {
    execFile(
      process.execPath,
      [join(__dirname, 'stores.worker.js'), store, url, JSON.stringify(settings)],
      { maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${store} worker: ${stderr || error.message}`));
        resolve(
          stdout
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as WorkloadFigure),
        );
      },
    );
  });
}

async function pipelineFigures(
  dataSource: DataSource,
  kafka: ReturnType<typeof createKafka>,
  suffix: string,
  prefixes: string[],
  rows: Row[],
): Promise<void> {
  const events = SETTINGS.risks * 10;
  out(`  filling a log of ${events} events (${SETTINGS.risks} risks)`);
  await fillLog(new PostgresEventStore(dataSource), SETTINGS.risks);
  const relay: number[] = [];
  const bare: number[] = [];
  // Both sides once before the measured rounds: the first to run would otherwise pay for the
  // process's cold code and caches alone (the relay's first round took twice the CPU of its next).
  const warm = [`bench-${suffix}-warm-relay`, `bench-${suffix}-warm-bare`];
  prefixes.push(...warm);
  for (const prefix of warm) await createTopics(kafka, prefix);
  out('  warming up: relay and bare producer');
  await relayRate(dataSource, kafka, warm[0]);
  await bareProducerRate(dataSource, kafka, warm[1]);
  for (let round = 0; round < SETTINGS.pipelineRounds; round++) {
    const relayed = `bench-${suffix}-relay${round}`;
    const sent = `bench-${suffix}-bare${round}`;
    prefixes.push(relayed, sent);
    await createTopics(kafka, relayed);
    await createTopics(kafka, sent);
    out(`  round ${round + 1}/${SETTINGS.pipelineRounds}: relay and bare producer`);
    const r = await relayRate(dataSource, kafka, relayed);
    const b = await bareProducerRate(dataSource, kafka, sent);
    relay.push(r.events / r.seconds);
    bare.push(b.events / b.seconds);
  }
  rows.push({
    section: 'pipeline',
    workload: `relay, store → Kafka (${events} events)`,
    unit: 'events/s',
    sides: { riskledger: relay, 'bare kafkajs': bare },
  });

  out(`  projector: consuming ${events} events`);
  const projected = await projectorRate(
    dataSource,
    kafka,
    `bench-${suffix}-relay0`,
    events,
    SETTINGS.projectorSeconds,
  );
  rows.push({
    section: 'pipeline',
    workload: 'projector, live (Kafka → register, its versions, traceability log)',
    unit: 'events/s',
    sides: { riskledger: [projected.events / projected.seconds] },
    note: projected.caughtUp
      ? `all ${events} applied`
      : `stopped after ${SETTINGS.projectorSeconds} s, ${projected.events} applied`,
  });

  out('  rebuilds');
  const rebuilds: Record<string, number[]> = {};
  let rss = 0;
  for (let round = 0; round < SETTINGS.pipelineRounds; round++) {
    for (const r of await rebuildRates(dataSource)) {
      (rebuilds[r.projection] ??= []).push(r.events / r.seconds);
      rss = Math.max(rss, r.rssMb);
    }
  }
  for (const [projection, rates] of Object.entries(rebuilds)) {
    rows.push({
      section: 'pipeline',
      workload: `rebuild ${projection} (${events} events)`,
      unit: 'events/s',
      sides: { riskledger: rates },
      note: `bench process at most ${rss} MB resident`,
    });
  }
}

/**
 * The running system (`npm start`'s launcher, in a process of its own): `POST /risks` flat out
 * from 50 connections, how long the register then takes to catch up, and at half that rate the
 * time from a command until the register shows it.
 */
async function systemFigures(
  url: string,
  kafka: ReturnType<typeof createKafka>,
  prefix: string,
  rows: Row[],
): Promise<void> {
  out('  the system: POST /risks from 50 connections');
  const system = await startSystem(findCheckoutRoot(__dirname), {
    DATABASE_URL: url,
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    KAFKA_TOPIC_PREFIX: prefix,
  });
  try {
    await identifyRisksFlat(system, 50, SETTINGS.httpWarmupSeconds);
    await secondsUntilRegisterCaughtUp(url);
    const before = await system.cpuMs();
    const loads = [];
    for (let round = 0; round < SETTINGS.httpRounds; round++) {
      loads.push(await identifyRisksFlat(system, 50, SETTINGS.httpSeconds));
    }
    const catchUp = await secondsUntilRegisterCaughtUp(url);
    const cpu = cpuPerRequest(
      before,
      await system.cpuMs(),
      loads.reduce((sum, l) => sum + l.requests, 0),
    );
    const peak = median(loads.map((l) => l.requestsPerSecond));
    rows.push({
      section: 'system',
      workload: 'HTTP POST /risks, bearer token, 50 connections',
      unit: 'requests/s',
      sides: { riskledger: loads.map((l) => l.requestsPerSecond) },
      note:
        `p50 ${median(loads.map((l) => l.p50))} ms, p99 ${median(loads.map((l) => l.p99))} ms, ` +
        `${loads.reduce((sum, l) => sum + l.errors, 0)} errors; ` +
        `API process at most ${Math.max(...loads.map((l) => l.peakRssMb))} MB resident`,
    });
    rows.push({
      section: 'system',
      workload: 'CPU per request of that load, until the register caught up',
      unit: 'µs',
      sides: { riskledger: [cpu.api + cpu.pipeline + cpu.postgres + cpu.load] },
      note:
        `API ${cpu.api}, pipeline ${cpu.pipeline}, PostgreSQL ${cpu.postgres}, ` +
        `load generator ${cpu.load}; two cores give 2,000,000 µs a second`,
    });
    rows.push({
      section: 'system',
      workload: `register caught up after ${SETTINGS.httpRounds * SETTINGS.httpSeconds} s at that load`,
      unit: 's',
      sides: { riskledger: [catchUp] },
    });
    // At a trickle: what the pipeline itself takes; at half the peak: with a busy machine's queues.
    const riskTopic = topicFor(prefix, 'risk');
    const rates: [number, string][] = [
      [FLOOR_RATE, 'a trickle'],
      [Math.max(1, Math.round(peak / 2)), 'half the peak'],
    ];
    for (const [rate, which] of rates) {
      out(`  the system: commands at ${rate}/s (${which}) until the register shows them`);
      const seen = await commandToRegister(
        system,
        url,
        kafka,
        riskTopic,
        rate,
        SETTINGS.latencySeconds,
      );
      rows.push({
        section: 'system',
        workload: `a command until the register shows it, at ${rate}/s (${which})`,
        unit: 'ms p50',
        sides: { riskledger: [seen.p50] },
        note:
          `p99 ${seen.p99.toFixed(0)} ms over ${seen.commands} commands; on the way, p50: ` +
          `answered ${seen.answeredP50.toFixed(0)} ms, on Kafka ${seen.onKafkaP50.toFixed(0)} ms; ` +
          `${seen.errors} failed or unseen`,
      });
    }
  } finally {
    await system.stop();
  }
}

const fmt = (n: number) =>
  n < 10
    ? n.toFixed(1)
    : n >= 10_000
      ? `${(n / 1000).toFixed(1)}k`
      : Math.round(n).toLocaleString('en');

function cell(values: number[] | undefined): string {
  if (!values?.length) return '';
  const m = median(values);
  if (values.length === 1) return fmt(m);
  return `${fmt(m)} (${fmt(Math.min(...values))}–${fmt(Math.max(...values))})`;
}

function printTable(rows: Row[]): void {
  out('\nmedian (range) over the repeats; ratios of the medians');
  out('| workload | riskledger | peer | riskledger / peer | notes |');
  out('|---|---|---|---|---|');
  for (const row of rows) {
    const peers = Object.keys(row.sides).filter((side) => side !== 'riskledger');
    const ours = row.sides.riskledger;
    if (peers.length === 0) {
      out(`| ${row.workload} | ${cell(ours)} ${row.unit} | | | ${row.note ?? ''} |`);
      continue;
    }
    for (const [i, peer] of peers.entries()) {
      const ratio = ours ? (median(ours) / median(row.sides[peer])).toFixed(2) : '';
      out(
        `| ${i === 0 ? row.workload : ''} | ${i === 0 ? `${cell(ours)} ${ours ? row.unit : ''}` : ''} | ` +
          `${peer}: ${cell(row.sides[peer])} | ${ratio ? `${ratio}×` : ''} | ${i === 0 ? (row.note ?? '') : ''} |`,
      );
    }
  }
}

async function describeMachine(server: string): Promise<string[]> {
  const client = new Client({ connectionString: server });
  await client.connect();
  const [{ server_version: version }] = (await client.query(`SHOW server_version`)).rows;
  await client.end();
  const versionOf = (name: string) =>
    (
      JSON.parse(
        readFileSync(
          join(findCheckoutRoot(__dirname), 'node_modules', name, 'package.json'),
          'utf8',
        ),
      ) as { version: string }
    ).version;
  return [
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
    `Node ${process.versions.node}`,
    `PostgreSQL ${version}`,
    `pg ${versionOf('pg')}, typeorm ${versionOf('typeorm')}, kafkajs ${versionOf('kafkajs')}`,
    `emmett-postgresql ${versionOf('@event-driven-io/emmett-postgresql')}`,
  ];
}

async function createDatabase(server: string, name: string) {
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(server, name);
  await migrate(url);
  const dataSource = await new DataSource({
    ...dataSourceOptions(url),
    extra: { max: 20, statement_timeout: 0 },
  }).initialize();
  return {
    url,
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
