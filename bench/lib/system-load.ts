import { DEFAULT_DEVELOPMENT_KEY_FILE, DevelopmentIssuer } from '@riskledger/identity';
import autocannon from 'autocannon';
import type { Kafka } from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { nowMs, percentile } from './measure';

/**
 * The running system under HTTP load: the launcher (API, relay and projector in one process, as
 * `npm start` runs them) on a database and topics of its own, driven from this process with a
 * bearer token and the rate limit off.
 */

const RISK = JSON.stringify({
  title: 'Unlocked medicine room on ward 12',
  description: 'Because the door closer is broken, unauthorised people can enter.',
  area: 'PHARMACEUTICALS',
  unit: 'Hospital North / Ward 12',
  owner: 'ward.manager@region.se',
});

export interface RunningSystem {
  baseUrl: string;
  headers: Record<string, string>;
  /** The API's resident memory now, MB (the launcher runs the pipeline in another process). */
  rssMb(): number;
  /** CPU time used so far, ms, by each part of the system and by this (the load's) process. */
  cpuMs(): Promise<CpuTimes>;
  stop(): Promise<void>;
}

export async function startSystem(
  root: string,
  env: { DATABASE_URL: string; KAFKA_BROKERS: string; KAFKA_TOPIC_PREFIX: string },
): Promise<RunningSystem> {
  // BENCH_PORT: a port of one's own on a machine shared with other people's servers.
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  // BENCH_LAUNCHER: another build's launcher (e.g. a copy of the commit before), to compare.
  const launcher = process.env.BENCH_LAUNCHER ?? join(root, 'dist/apps/launcher/src/main.js');
  const child = spawn(process.execPath, [launcher], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, child, () => output);
  const issuer = await DevelopmentIssuer.load(join(root, DEFAULT_DEVELOPMENT_KEY_FILE));
  const token = await issuer.sign({
    subject: 'bench@region.se',
    grants: [{ role: 'SECURITY_COORDINATOR', units: null, areas: null }],
  });
  return {
    baseUrl,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    rssMb: () => rssMbOf(child.pid!),
    cpuMs: () => cpuTimesOf(child.pid!, env.DATABASE_URL),
    stop: () => stopChild(child),
  };
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 201, and connection errors and timeouts. */
  errors: number;
  /** The launcher's highest resident memory seen during the load, MB. */
  peakRssMb: number;
}

/** `POST /risks` from `connections` connections, each sending its next request on an answer. */
export async function identifyRisksFlat(
  system: RunningSystem,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let peakRssMb = system.rssMb();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, system.rssMb())), 250);
  try {
    const result = await autocannon({
      url: `${system.baseUrl}/risks`,
      method: 'POST',
      headers: system.headers,
      body: RISK,
      connections,
      duration: seconds,
      timeout: 10,
    });
    return {
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors + result.timeouts,
      peakRssMb,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** Where a command's risk was seen on its way, ms after the command was sent: medians and p99. */
export interface CommandToRegister {
  commands: number;
  p50: number;
  p99: number;
  answeredP50: number;
  /** On the risk topic (the relay published it): a consumer of this process read it. */
  onKafkaP50: number;
  errors: number;
}

/**
 * Commands at a steady `ratePerSecond` for `seconds`; for each, the time from sending it until the
 * risk register holds the risk it made (the register's table, polled every few milliseconds), and
 * on the way until the API answered and until the event was on `riskTopic` (read by a consumer
 * group of its own that joined before the first command).
 */
export async function commandToRegister(
  system: RunningSystem,
  databaseUrl: string,
  kafka: Kafka,
  riskTopic: string,
  ratePerSecond: number,
  seconds: number,
): Promise<CommandToRegister> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const sentAt = new Map<string, number>();
  const kafkaAt = new Map<string, number>();
  const waits: number[] = [];
  const onKafka: number[] = [];
  const consumer = kafka.consumer({
    groupId: `bench-latency-${randomUUID()}`,
    maxWaitTimeInMs: 10,
  });
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.connect();
  await consumer.subscribe({ topics: [riskTopic], fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key) kafkaAt.set(message.key.toString(), nowMs());
    },
  });
  await joined;
  let sending = true;
  const poller = (async () => {
    while (sending || sentAt.size > 0) {
      const ids = [...sentAt.keys()];
      if (ids.length > 0) {
        const { rows } = await db.query<{ risk_id: string }>(
          `SELECT risk_id FROM risk_register WHERE risk_id = ANY($1::text[])`,
          [ids],
        );
        const seen = nowMs();
        for (const { risk_id } of rows) {
          const sent = sentAt.get(risk_id)!;
          waits.push(seen - sent);
          const published = kafkaAt.get(risk_id);
          if (published !== undefined) onKafka.push(published - sent);
          sentAt.delete(risk_id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  })();
  const sends: Promise<void>[] = [];
  const answers: number[] = [];
  const started = nowMs();
  const total = Math.round(ratePerSecond * seconds);
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / ratePerSecond;
    const wait = due - nowMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t = nowMs();
    sends.push(
      fetch(`${system.baseUrl}/risks`, { method: 'POST', headers: system.headers, body: RISK })
        .then(async (response) => {
          if (response.status !== 201) return;
          answers.push(nowMs() - t);
          sentAt.set(((await response.json()) as { id: string }).id, t);
        })
        .catch(() => undefined),
    );
  }
  await Promise.all(sends);
  sending = false;
  const deadline = setTimeout(() => sentAt.clear(), 60_000);
  await poller;
  clearTimeout(deadline);
  await Promise.all([db.end(), consumer.disconnect()]);
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  return {
    answeredP50: percentile(sorted(answers), 0.5),
    onKafkaP50: percentile(sorted(onKafka), 0.5),
    commands: total,
    p50: percentile(sorted(waits), 0.5),
    p99: percentile(waits, 0.99),
    // Refused, failed, or never seen in the register within a minute.
    errors: total - waits.length,
  };
}

/** Seconds from now until the risk register holds every risk identified in the store. */
export async function secondsUntilRegisterCaughtUp(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = nowMs();
    for (;;) {
      const { rows } = await db.query<{ behind: number }>(
        `SELECT (SELECT count(*) FROM events WHERE event_type = 'RiskIdentified')
              - (SELECT count(*) FROM risk_register) AS behind`,
      );
      if (Number(rows[0].behind) <= 0) return (nowMs() - started) / 1000;
      if (nowMs() - started > 600_000) throw new Error('the register did not catch up in 10 min');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.end();
  }
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = nowMs() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the system exited:\n${output()}`);
    const ready = await fetch(`${baseUrl}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    if (nowMs() > deadline) throw new Error(`the system was not ready in 120 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(killer);
}

export interface CpuTimes {
  api: number;
  /** The launcher's child: relay, projector and sweeps. */
  pipeline: number;
  /** The PostgreSQL backends serving the system's database (the server runs on this machine). */
  postgres: number;
  /** This process: the HTTP load generator. */
  load: number;
}

/**
 * Per part, the CPU time from `before` to `after` for each of `requests`, µs: where the two cores
 * go per request, which on a machine shared with other work is steadier than the request rate.
 */
export function cpuPerRequest(before: CpuTimes, after: CpuTimes, requests: number): CpuTimes {
  const per = (part: keyof CpuTimes) =>
    Math.round(((after[part] - before[part]) * 1000) / requests);
  return {
    api: per('api'),
    pipeline: per('pipeline'),
    postgres: per('postgres'),
    load: per('load'),
  };
}

/** Backends that exit in between lose their time: the pools keep theirs open under load. */
async function cpuTimesOf(pid: number, databaseUrl: string): Promise<CpuTimes> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const { user, system } = process.cpuUsage();
    return {
      api: cpuMsOf(pid),
      pipeline: childrenOf(pid).reduce((sum, child) => sum + cpuMsOf(child), 0),
      postgres: rows.reduce((sum, row) => sum + cpuMsOf(row.pid), 0),
      load: (user + system) / 1000,
    };
  } finally {
    await db.end();
  }
}

/** User and system CPU time of a process, ms (Linux /proc; 0 where it cannot be read). */
export function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, the 14th and 15th fields, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function rssMbOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
