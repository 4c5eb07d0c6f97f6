import { migrate, dataSourceOptions } from '@riskledger/database';
import { decodeEnvelope, envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import {
  eventsAfterCheckpoint,
  LOG_START,
  PostgresEventStore,
  RELAY_CHECKPOINT,
  type StoredEvent,
} from '@riskledger/event-store';
import {
  allTopics,
  consumerGroupLag,
  createKafka,
  deadLetterTopic,
  systemTopics,
  type Kafka,
} from '@riskledger/messaging';
import { allProjections, project } from '@riskledger/read-models';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  mitigationApplied,
  mitigationPlanned,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../support/domain-events';
import { AppProcess, type AppName } from './app-process';
import { faultsSite, type InfrastructureSite } from './fault-infrastructure';
import { bearerFor } from '../../support/sign-in';

/** A message as a plain reader of the topics sees it. */
export interface TopicMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  headers: Record<string, string>;
  value: Buffer | null;
  /** null when the message is not a decodable event. */
  envelope: EventEnvelope | null;
}

export interface HttpAnswer {
  status: number;
  body: any;
  ms: number;
}

/** Writes one line of figures to the output, for the issue. */
export function report(line: string): void {
  process.stdout.write(`[faults] ${line}\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value, or fails after `timeoutMs`; resolves with the value. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 60000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
    }
    await sleep(everyMs);
  }
}

/**
 * One fault test's system: a database of its own on the site's PostgreSQL, topics and a consumer
 * group of their own on the site's broker, and the apps as child processes.
 */
export class FaultSystem {
  readonly prefix: string;
  readonly groupId: string;
  readonly kafka: Kafka;
  readonly admin: ReturnType<Kafka['admin']>;
  readonly store: PostgresEventStore;
  readonly processes: AppProcess[] = [];
  private readonly databases: string[] = [];

  private constructor(
    readonly name: string,
    readonly dbUrl: string,
    readonly dataSource: DataSource,
    private readonly settings: Record<string, string>,
    readonly site: InfrastructureSite,
  ) {
    const run = randomUUID().slice(0, 8);
    this.prefix = `faults-${name}-${run}`;
    this.groupId = `faults-${name}-projector-${run}`;
    // The suite stops the broker on purpose: the client's complaints about it are expected.
    const quiet = { error: () => undefined, warn: () => undefined };
    this.kafka = createKafka({ clientId: this.prefix, brokers: [site.kafkaBrokers] }, quiet);
    this.admin = this.kafka.admin();
    this.store = new PostgresEventStore(dataSource);
  }

  static async create(
    name: string,
    settings: Record<string, string> = {},
    site: InfrastructureSite = faultsSite,
  ): Promise<FaultSystem> {
    const { url, name: database } = await createDatabase(name, site);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    const system = new FaultSystem(name, url, dataSource, settings, site);
    system.databases.push(database);
    await system.admin.connect();
    return system;
  }

  /** The environment of an app of this system. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.dbUrl,
      KAFKA_BROKERS: this.site.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_CLIENT_ID: this.prefix,
      PROJECTOR_GROUP_ID: this.groupId,
      KAFKA_PARTITIONS: '3',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      RELAY_POLL_MS: '50',
      ...this.settings,
      ...extra,
    };
  }

  async startApi(
    name = 'api',
    extra: Record<string, string> = {},
  ): Promise<{ process: AppProcess; baseUrl: string }> {
    const port = await freePort();
    const process = this.spawn(name, 'api', { PORT: String(port), ...extra });
    const baseUrl = `http://127.0.0.1:${port}`;
    await until(`${name} listening`, async () => {
      return (await request(baseUrl, 'GET', '/health', undefined, {}, 3000)).status > 0;
    });
    return { process, baseUrl };
  }

  /** A relay; `leading` waits until it holds the leadership and relays. */
  async startRelay(name = 'relay', extra: Record<string, string> = {}, leading = true) {
    const process = this.spawn(name, 'relay', extra);
    await process.waitFor(leading ? /leading: relaying/ : /Nest application successfully started/);
    return process;
  }

  /** A projector; waits until it has joined the consumer group. */
  async startProjector(name = 'projector', extra: Record<string, string> = {}) {
    const process = this.spawn(name, 'projector', extra);
    await process.waitFor(/consuming /);
    return process;
  }

  spawn(name: string, app: AppName, extra: Record<string, string> = {}) {
    const process = new AppProcess(`${this.name}-${name}`, app, this.env(extra), this.site);
    this.processes.push(process);
    return process;
  }

  /** Appends `risks` risk streams of `eventsEach` events (2 to 5) straight to the store. */
  async appendRisks(risks: number, eventsEach = 4, parallel = 4): Promise<string[]> {
    const ids = Array.from({ length: risks }, () => randomUUID());
    for (let i = 0; i < ids.length; i += parallel) {
      await Promise.all(
        ids.slice(i, i + parallel).map(async (riskId, n) => {
          const mitigationId = randomUUID();
          const events = [
            riskIdentified(riskId, { title: `Risk ${i + n} of the fault test` }),
            riskAssessed(riskId, 1 + ((i + n) % 5), 1 + ((i + n + 2) % 5)),
            mitigationPlanned(riskId, mitigationId),
            mitigationApplied(riskId, mitigationId, `applied ${i + n}`),
            riskAssessed(riskId, 1, 1 + ((i + n) % 5)),
          ].slice(0, eventsEach);
          // One append per event: many small transactions, as the API makes them.
          for (const [version, event] of events.entries()) {
            await this.store.append('risk', riskId, version, [newEvent(event)]);
          }
        }),
      );
    }
    return ids;
  }

  async eventCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    return row.n;
  }

  relayBacklog(): Promise<number> {
    return eventsAfterCheckpoint(this.dataSource, RELAY_CHECKPOINT);
  }

  /** Rows in the traceability log: one per event the projector has applied. */
  async projectedCount(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM traceability_log`);
    return row.n;
  }

  /** Messages on the event topics (high watermarks summed): events plus relay duplicates. */
  async topicMessageCount(topics = allTopics(this.prefix)): Promise<number> {
    let total = 0;
    for (const topic of topics) {
      for (const { high, low } of await this.admin.fetchTopicOffsets(topic)) {
        total += Number(high) - Number(low);
      }
    }
    return total;
  }

  /** Every message on the topics up to their current end, in partition order. */
  async readTopics(topics = allTopics(this.prefix)): Promise<TopicMessage[]> {
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const { partition, high } of await this.admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${partition}`, Number(high));
      }
    }
    const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
    const received: TopicMessage[] = [];
    if (total === 0) return received;
    const consumer = this.kafka.consumer({
      groupId: `${this.prefix}-reader-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          if (Number(message.offset) >= (ends.get(`${topic}/${partition}`) ?? 0)) return;
          let envelope: EventEnvelope | null;
          try {
            envelope = decodeEnvelope(message);
          } catch {
            envelope = null;
          }
          received.push({
            topic,
            partition,
            offset: Number(message.offset),
            key: message.key?.toString() ?? null,
            headers: Object.fromEntries(
              Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
            ),
            value: message.value,
            envelope,
          });
        },
      });
      await until('the topics read to their end', async () => received.length >= total, 60000);
    } finally {
      await consumer.disconnect();
    }
    return received.sort(
      (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset,
    );
  }

  /**
   * Checks the topics against the store: every event is there, and each stream's events, taken in
   * partition order and skipping what was seen already (a relay duplicate), are exactly its
   * versions 1..n. Returns how many messages were duplicates.
   */
  async expectTopicsHoldTheStoreInOrder(): Promise<{ events: number; duplicates: number }> {
    const stored = await this.wholeLog();
    const messages = (await this.readTopics()).filter((m) => m.envelope !== null);
    const published = new Set(messages.map((m) => m.envelope!.eventId));
    const absent = stored.filter((e) => !published.has(e.eventId)).map((e) => e.position);
    if (absent.length > 0) {
      process.stderr.write(
        `[faults-debug] ${absent.length} of ${stored.length} events absent from the topics, ` +
          `positions ${rangesOf(absent)}\n`,
      );
    }
    const seen = new Map<string, number>();
    let duplicates = 0;
    const ids = new Set<string>();
    for (const { envelope } of messages) {
      const last = seen.get(envelope!.streamId) ?? 0;
      if (envelope!.streamVersion <= last) {
        duplicates++;
        continue;
      }
      if (envelope!.streamVersion !== last + 1) {
        const where = messages
          .filter((m) => m.envelope?.streamId === envelope!.streamId)
          .map((m) => `v${m.envelope!.streamVersion}@${m.topic}/${m.partition}:${m.offset}`);
        process.stderr.write(`[faults-debug] ${envelope!.streamId}: ${where.join(' ')}\n`);
        const parts = await this.admin.fetchTopicMetadata({ topics: allTopics(this.prefix) });
        process.stderr.write(
          `[faults-debug] partitions ${parts.topics.map((t) => `${t.name}:${t.partitions.length}`).join(' ')}\n`,
        );
      }
      expect({ stream: envelope!.streamId, version: envelope!.streamVersion }).toEqual({
        stream: envelope!.streamId,
        version: last + 1,
      });
      seen.set(envelope!.streamId, envelope!.streamVersion);
      ids.add(envelope!.eventId);
    }
    const missing = stored.filter((e) => !ids.has(e.eventId));
    expect(missing.map((e) => `${e.streamId} v${e.streamVersion}`)).toEqual([]);
    expect(ids.size).toBe(stored.length);
    return { events: stored.length, duplicates };
  }

  /** The whole log, once every committed event is readable in commit order. */
  async wholeLog(): Promise<StoredEvent[]> {
    const count = await this.eventCount();
    return until('the whole log readable', async () => {
      const log = await this.store.readAllAfter(LOG_START, 1_000_000);
      return log.length === count ? log : undefined;
    });
  }

  /**
   * Waits until the relay has copied everything and the read models hold every event of the
   * store (each projection's checkpoint at its stream's version); returns how long that took.
   */
  async caughtUp(timeoutMs = 90000): Promise<number> {
    const started = Date.now();
    let state = '';
    await until(
      'read models caught up with the store',
      async () => {
        const [{ behind }] = await this.dataSource.query(
          `WITH streams AS (
             SELECT stream_id, stream_type, max(stream_version) AS version FROM events
             GROUP BY stream_id, stream_type),
           followed (projection, stream_type) AS (SELECT * FROM unnest($1::text[], $2::text[])),
           expected AS (
             SELECT f.projection, s.stream_id, s.version FROM streams s JOIN followed f USING (stream_type))
           SELECT count(*)::int AS behind FROM expected e
           LEFT JOIN projection_checkpoints c USING (projection, stream_id)
           WHERE c.version IS DISTINCT FROM e.version`,
          followedStreamTypes(),
        );
        const backlog = await this.relayBacklog();
        state = `${behind} projection streams behind, relay backlog ${backlog}`;
        return behind === 0 && backlog === 0;
      },
      timeoutMs,
      100,
    ).catch(async (error: Error) => {
      const lag = await consumerGroupLag(this.admin, this.groupId, allTopics(this.prefix)).catch(
        (e: Error) => e.message,
      );
      throw new Error(`${error.message}: ${state}; projector lag ${JSON.stringify(lag)}`);
    });
    return Date.now() - started;
  }

  /**
   * Rebuilds the read models from the store into a fresh database, with the same projection code
   * and no Kafka in between, and expects the live ones to be identical, row for row.
   */
  async expectReadModelsEqualRebuild(): Promise<void> {
    const { url, name } = await createDatabase(`${this.name}-rebuild`, this.site);
    this.databases.push(name);
    const rebuild = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const projections = allProjections();
      for (const event of await this.wholeLog()) {
        for (const projection of projections) {
          expect(await project(rebuild, projection, envelopeOf(event))).toBe(
            projection.streamTypes.includes(event.streamType) ? 'applied' : 'ignored',
          );
        }
      }
      for (const sql of [
        ...projections.map((p) => `SELECT * FROM ${p.table} ORDER BY ${p.key}`),
        `SELECT * FROM projection_checkpoints ORDER BY projection, stream_id`,
      ]) {
        const live = await this.dataSource.query(sql);
        const rebuilt = await rebuild.query(sql);
        expect(live.length).toBe(rebuilt.length);
        expect(live).toEqual(rebuilt);
      }
    } finally {
      await rebuild.destroy();
    }
  }

  async destroy(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.kill('SIGKILL')));
    const existing = new Set(await this.admin.listTopics().catch(() => [] as string[]));
    const topics = systemTopics(this.prefix).filter((topic) => existing.has(topic));
    if (topics.length > 0) await this.admin.deleteTopics({ topics }).catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy().catch(() => undefined);
    for (const database of this.databases) {
      await adminQuery(this.site, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(
        () => undefined,
      );
    }
  }

  get deadLetterTopic(): string {
    return deadLetterTopic(this.prefix);
  }
}

/** An HTTP request that gives up after `timeoutMs`: a hang shows as status 0. */
export async function request(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 15000,
): Promise<HttpAnswer> {
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await bearerFor('fault.tester')}`,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, ms: Date.now() - started };
  } catch (error) {
    return {
      status: 0,
      body: { error: (error as Error).name, message: (error as Error).message },
      ms: Date.now() - started,
    };
  }
}

/** A valid POST /risks body. */
export function riskBody(n: number): Record<string, unknown> {
  return {
    title: `Fault test risk ${n}`,
    description: 'Because a part failed, the register must still be right afterwards.',
    area: 'OPERATIONAL_RELIABILITY',
    unit: 'Region IT / Operations',
    likelihood: 1 + (n % 5),
    consequence: 1 + ((n + 3) % 5),
  };
}

async function createDatabase(
  label: string,
  site: InfrastructureSite,
): Promise<{ url: string; name: string }> {
  const name = `${site.name}_${label.replace(/[^a-z0-9]/gi, '_')}_${randomUUID().slice(0, 8)}`;
  await adminQuery(site, `CREATE DATABASE "${name}"`);
  const url = new URL(site.postgresUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { url: url.toString(), name };
}

async function adminQuery(site: InfrastructureSite, sql: string): Promise<void> {
  const client = new Client({ connectionString: site.postgresUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
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

export interface SentCommand extends HttpAnswer {
  path: string;
  at: number;
}

/**
 * Commands arriving over HTTP without pause from a few writers: each identifies a risk, then
 * reassesses it. Every answer is kept, with its status and how long it took.
 */
export class CommandLoad {
  readonly sent: SentCommand[] = [];
  /** Risks whose identification was answered 201. */
  readonly riskIds: string[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly writers = 2,
    private readonly pauseMs = 50,
    private readonly timeoutMs = 15000,
  ) {}

  start(): this {
    this.running = true;
    this.loops = Array.from({ length: this.writers }, (_, w) => this.loop(w));
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  since(at: number): SentCommand[] {
    return this.sent.filter((c) => c.at >= at);
  }

  private async loop(writer: number): Promise<void> {
    for (let n = 0; this.running; n++) {
      const created = await this.send('/risks', riskBody(writer * 100000 + n));
      if (created.status === 201) {
        this.riskIds.push(created.body.id);
        await this.send(`/risks/${created.body.id}/assessments`, {
          likelihood: 1 + (n % 5),
          consequence: 2,
          reason: `reassessed by writer ${writer}`,
        });
      }
      await sleep(this.pauseMs);
    }
  }

  private async send(path: string, body: unknown): Promise<SentCommand> {
    const at = Date.now();
    const answer = await request(this.baseUrl, 'POST', path, body, {}, this.timeoutMs);
    const sent = { ...answer, path, at };
    this.sent.push(sent);
    return sent;
  }
}

/** Every (projection, stream type it follows) pair, as two arrays for unnest. */
function followedStreamTypes(): [string[], string[]] {
  const pairs = allProjections().flatMap((p) => p.streamTypes.map((type) => [p.name, type]));
  return [pairs.map(([name]) => name), pairs.map(([, type]) => type)];
}

/** 3,4,5,9 -> "3-5, 9": positions as ranges, for a diagnostic line. */
function rangesOf(positions: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < positions.length;) {
    let j = i;
    while (j + 1 < positions.length && positions[j + 1] === positions[j] + 1) j++;
    ranges.push(i === j ? `${positions[i]}` : `${positions[i]}-${positions[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
