import { AppConfig } from '@riskledger/config';
import { encodeEnvelope, envelopeOf } from '@riskledger/contracts';
import {
  LogCheckpoints,
  LOG_START,
  PostgresEventStore,
  RELAY_CHECKPOINT,
  type StoredEvent,
} from '@riskledger/event-store';
import {
  ensureTopics,
  EventPublisher,
  systemTopics,
  topicOf,
  type Kafka,
} from '@riskledger/messaging';
import { allProjections, replayProjection } from '@riskledger/read-models';
import { CompressionTypes, Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ProjectorService } from '../../apps/projector/src/projector.service';
import { Relay } from '../../apps/relay/src/relay';
import { nowMs } from './measure';
import { lifeOf, newEvent } from './risk-life';

const RELAY_BATCH = new AppConfig().RELAY_BATCH_SIZE;
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Appends `risks` risks of ten events each, as a user's commands would, from 16 writers. */
export async function fillLog(store: PostgresEventStore, risks: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < risks) {
        next++;
        const id = randomUUID();
        let version = 0;
        for (const batch of lifeOf(id)) {
          await store.append('risk', id, version, batch.map(newEvent));
          version += batch.length;
        }
      }
    }),
  );
}

async function readWholeLog(store: PostgresEventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let after = LOG_START;
  for (;;) {
    const page = await store.readAllAfter(after, 5000);
    if (page.length === 0) return all;
    all.push(...page);
    const last = page[page.length - 1];
    after = { transactionId: last.transactionId, position: last.position };
  }
}

export async function createTopics(kafka: Kafka, prefix: string): Promise<void> {
  const config = new AppConfig();
  await ensureTopics(kafka, systemTopics(prefix), {
    partitions: config.KAFKA_PARTITIONS,
    replicationFactor: 1,
  });
}

/** The relay copying the whole log to `prefix`'s topics from a reset checkpoint; events/s. */
export async function relayRate(dataSource: DataSource, kafka: Kafka, prefix: string) {
  const store = new PostgresEventStore(dataSource);
  const checkpoints = new LogCheckpoints(dataSource);
  await checkpoints.save(RELAY_CHECKPOINT, LOG_START);
  const publisher = new EventPublisher(kafka, prefix);
  await publisher.connect();
  try {
    const relay = new Relay(
      store,
      checkpoints,
      publisher,
      { batchSize: RELAY_BATCH, pollMs: 0 },
      quiet,
    );
    const started = nowMs();
    const events = await relay.relayAvailable();
    return { events, seconds: (nowMs() - started) / 1000 };
  } finally {
    await publisher.disconnect();
  }
}

/**
 * The peer of the relay: a bare kafkajs producer with the same guarantees (idempotent, acks=all,
 * one request in flight) sending the same encoded messages in batches of the relay's size, with
 * the log already in memory. Every event of the bench's log is a risk's, so one topic per batch.
 */
export async function bareProducerRate(dataSource: DataSource, kafka: Kafka, prefix: string) {
  const envelopes = (await readWholeLog(new PostgresEventStore(dataSource))).map(envelopeOf);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const started = nowMs();
    for (let i = 0; i < envelopes.length; i += RELAY_BATCH) {
      const batch = envelopes.slice(i, i + RELAY_BATCH);
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [{ topic: topicOf(prefix, batch[0]), messages: batch.map(encodeEnvelope) }],
      });
    }
    return { events: envelopes.length, seconds: (nowMs() - started) / 1000 };
  } finally {
    await producer.disconnect();
  }
}

/**
 * The projector (the app's own service, a fresh consumer group) consuming `prefix`'s topics, which
 * hold `events` events: the rate from its first applied event until all are applied in the risk
 * register, its versions and the traceability log, or until `limitSeconds`.
 */
export async function projectorRate(
  dataSource: DataSource,
  kafka: Kafka,
  prefix: string,
  events: number,
  limitSeconds: number,
) {
  const config = Object.assign(new AppConfig(), {
    KAFKA_TOPIC_PREFIX: prefix,
    PROJECTOR_GROUP_ID: `bench-projector-${randomUUID()}`,
    KAFKA_SESSION_TIMEOUT_MS: 10_000,
    KAFKA_REPLICATION_FACTOR: 1,
  });
  const applied = async () => {
    const [row] = await dataSource.query(
      `SELECT coalesce(min(n), 0)::int AS n FROM (
         SELECT projection, sum(version) AS n FROM projection_checkpoints
         WHERE projection IN ('risk-register', 'risk-register-versions', 'traceability-log')
         GROUP BY projection) AS p`,
    );
    return row.n as number;
  };
  const projector = new ProjectorService(kafka, dataSource, config);
  // Without a checkpoint, the projector's start-up would build every read model from the log
  // (buildNewProjections) and Kafka's events would all arrive as duplicates: a version-0 row of a
  // stream that does not exist marks each as fed live, and changes no sum above.
  await dataSource.query(
    `INSERT INTO projection_checkpoints (projection, stream_id, version)
     SELECT unnest($1::text[]), 'bench-live-start', 0 ON CONFLICT DO NOTHING`,
    [projector.projections.map((p) => p.name)],
  );
  await projector.onApplicationBootstrap();
  try {
    let first: { at: number; n: number } | null = null;
    const deadline = nowMs() + 60_000;
    for (;;) {
      const n = await applied();
      const at = nowMs();
      if (!first && n > 0) first = { at, n };
      if (first && (n >= events || at - first.at > limitSeconds * 1000)) {
        return { events: n - first.n, seconds: (at - first.at) / 1000, caughtUp: n >= events };
      }
      if (at > deadline) throw new Error(`the projector applied nothing within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await projector.beforeApplicationShutdown();
  }
}

/** Each of the two big projections rebuilt from position 0 into a fresh table. */
export async function rebuildRates(dataSource: DataSource) {
  const store = new PostgresEventStore(dataSource);
  const results: { projection: string; events: number; seconds: number; rssMb: number }[] = [];
  for (const projection of allProjections().filter((p) =>
    ['risk-register', 'traceability-log'].includes(p.name),
  )) {
    const result = await replayProjection(dataSource, store, projection);
    results.push({
      projection: projection.name,
      events: result.events,
      seconds: result.durationMs / 1000,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  }
  return results;
}
