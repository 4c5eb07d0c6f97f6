import { randomUUID } from 'node:crypto';
import { decodeEnvelope, envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import type { DomainEvent } from '@riskledger/domain';
import {
  checkpointOf,
  LOG_START,
  LogCheckpoints,
  PostgresEventStore,
  type LogCheckpoint,
  type StoredEvent,
} from '@riskledger/event-store';
import {
  allTopics,
  restrictedTopic,
  createKafka,
  ensureTopics,
  EventPublisher,
  type Kafka,
} from '@riskledger/messaging';
import {
  project,
  RiskRegisterProjection,
  RiskRegisterQueries,
  TraceabilityLogProjection,
  TraceabilityLogQueries,
} from '@riskledger/read-models';
import {
  incidentReported,
  mitigationApplied,
  mitigationPlanned,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../test/support/domain-events';
import { foldRiskRegister, foldTraceabilityLog } from '../../../test/support/read-model-fold';
import { eventually } from '../../../test/support/running-system';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { Relay, RELAY_CHECKPOINT } from './relay';
import { RelayLeadership } from './relay-leadership';

jest.setTimeout(20_000);
const WAIT_MS = 15_000;

/** A message as a plain consumer of the topics reads it. */
interface Received {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  headers: Record<string, string>;
  envelope: EventEnvelope;
}

describe('Relay: PostgreSQL event store -> real Kafka topics', () => {
  const prefix = `int-relay-${randomUUID().slice(0, 8)}`;
  const topics = allTopics(prefix);
  let db: TestDatabase;
  let store: PostgresEventStore;
  let checkpoints: LogCheckpoints;
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;
  let reader: ReturnType<typeof topicReader>;
  const publishers: EventPublisher[] = [];
  const relays: Relay[] = [];
  const warnings: string[] = [];
  const logger = {
    log: () => undefined,
    warn: (message: string) => void warnings.push(message),
    error: (message: string) => void warnings.push(message),
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    checkpoints = new LogCheckpoints(db.dataSource);
    kafka = createKafka({ clientId: prefix, brokers: brokers() }, { error: echo, warn: echo });
    await ensureTopics(kafka, topics, { partitions: 3, replicationFactor: 1 });
    admin = kafka.admin();
    await admin.connect();
    reader = topicReader(kafka, `${prefix}-reader-${randomUUID().slice(0, 8)}`, topics);
    await reader.started;
  });

  afterAll(async () => {
    await Promise.allSettled(relays.map((relay) => relay.stop()));
    await Promise.allSettled(publishers.map((publisher) => publisher.disconnect()));
    await reader?.stop();
    await admin?.deleteTopics({ topics }).catch(() => undefined);
    await admin?.disconnect();
    await db?.drop();
  });

  /** A relay as a freshly started process has it: its own producer, the store's checkpoint. */
  async function startRelayProcess(batchSize = 4, relayCheckpoints = checkpoints): Promise<Relay> {
    const publisher = new EventPublisher(kafka, prefix);
    publishers.push(publisher);
    await publisher.connect();
    const relay = new Relay(store, relayCheckpoints, publisher, { batchSize, pollMs: 20 }, logger);
    relays.push(relay);
    return relay;
  }

  /** Appends each event in its own transaction; returns them in commit order. */
  async function append(
    streamType: 'risk' | 'incident',
    streamId: string,
    events: DomainEvent[],
  ): Promise<StoredEvent[]> {
    const stored: StoredEvent[] = [];
    for (const event of events) {
      const version = await store.streamVersion(streamId);
      stored.push(...(await store.append(streamType, streamId, version, [newEvent(event)])).events);
    }
    return stored;
  }

  /** Several risk and incident streams, appended interleaved. */
  async function appendSeveralStreams(): Promise<{ streamIds: string[]; events: StoredEvent[] }> {
    const [riskA, riskB, riskC, incident] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const events = [
      ...(await append('risk', riskA, [riskIdentified(riskA), riskAssessed(riskA, 4, 4)])),
      ...(await append('risk', riskB, [riskIdentified(riskB, { area: 'IT_SECURITY' })])),
      ...(await append('incident', incident, [incidentReported(incident, [riskA])])),
      ...(await append('risk', riskA, [mitigationPlanned(riskA, 'm-1')])),
      ...(await append('risk', riskC, [riskIdentified(riskC), riskAssessed(riskC, 1, 3)])),
      ...(await append('risk', riskB, [
        riskAssessed(riskB, 5, 5),
        mitigationPlanned(riskB, 'm-2'),
      ])),
      ...(await append('risk', riskA, [mitigationApplied(riskA, 'm-1', 'Done')])),
    ];
    return { streamIds: [riskA, riskB, riskC, incident], events };
  }

  async function relayCheckpoint(): Promise<LogCheckpoint> {
    return checkpoints.load(RELAY_CHECKPOINT);
  }

  /**
   * The whole log in commit order, once every committed event is readable: readAllAfter holds
   * back events while an older transaction anywhere on the server is still open.
   */
  async function wholeLog(): Promise<StoredEvent[]> {
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM events`);
    return eventually(async () => {
      const log = await store.readAllAfter(LOG_START, 100_000);
      return log.length === count ? log : undefined;
    }, WAIT_MS);
  }

  /** Runs relayOnce until the relay's checkpoint is at `last`. */
  async function relayUntil(relay: Relay, last: StoredEvent): Promise<void> {
    await eventually(async () => {
      await relay.relayOnce();
      const checkpoint = await relayCheckpoint();
      return sameCheckpoint(checkpoint, checkpointOf(last)) ? true : undefined;
    }, WAIT_MS);
  }

  /** Brings the relay's checkpoint to the end of the log, so that a test starts from there. */
  async function caughtUp(): Promise<LogCheckpoint> {
    const log = await wholeLog();
    if (log.length > 0) await relayUntil(await startRelayProcess(100), log[log.length - 1]);
    return relayCheckpoint();
  }

  /** Every message on the topics up to their current end, once the reader has got that far. */
  async function topicsToEnd(): Promise<Received[]> {
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${partition}`, Number(high));
      }
    }
    const total = [...ends.values()].reduce((sum, end) => sum + end, 0);
    const messages = await eventually(async () => {
      const received = reader.received();
      return received.length >= total ? received : undefined;
    }, WAIT_MS);
    expect(messages).toHaveLength(total);
    return messages;
  }

  it('publishes every event exactly once, keyed by stream id, on its stream type topic, in stream order', async () => {
    const start = await caughtUp();
    const before = (await topicsToEnd()).length;
    const { streamIds, events } = await appendSeveralStreams();
    const relay = await startRelayProcess(4);

    const relayed = await eventually(async () => (await relay.relayOnce()) || undefined, WAIT_MS);
    expect(relayed).toBeLessThanOrEqual(4);
    const afterFirstBatch = await relayCheckpoint();
    expect(afterFirstBatch).toEqual(checkpointOf(events[relayed - 1]));
    expect(isAfter(afterFirstBatch, start)).toBe(true);

    await relayUntil(relay, events[events.length - 1]);
    expect(isAfter(await relayCheckpoint(), afterFirstBatch)).toBe(true);
    expect(await relay.relayOnce()).toBe(0);

    const all = await topicsToEnd();
    expect(all).toHaveLength(before + events.length);
    const messages = all.filter((m) => streamIds.includes(m.key));
    expect(messages.map((m) => m.envelope.eventId).sort()).toEqual(
      events.map((e) => e.eventId).sort(),
    );
    const stored = new Map(events.map((e) => [e.eventId, e]));
    for (const message of messages) {
      const event = stored.get(message.envelope.eventId)!;
      expect(message.envelope).toEqual(envelopeOf(event));
      expect(message.topic).toBe(`${prefix}.${event.streamType}`);
      expect(message.key).toBe(event.streamId);
      expect(message.headers).toMatchObject({
        ce_type: event.type,
        ce_schemaversion: String(event.schemaVersion),
        ce_subject: event.streamId,
        ce_id: event.eventId,
      });
    }
    for (const streamId of streamIds) {
      const ofStream = inLogOrder(messages.filter((m) => m.key === streamId));
      expect(new Set(ofStream.map((m) => `${m.topic}/${m.partition}`)).size).toBe(1);
      expect(ofStream.map((m) => m.envelope.streamVersion)).toEqual(
        events.filter((e) => e.streamId === streamId).map((e) => e.streamVersion),
      );
    }
    expect(new Set(messages.map((m) => m.topic))).toEqual(
      new Set(events.map((e) => `${prefix}.${e.streamType}`)),
    );
    expect(new Set(messages.map((m) => m.partition)).size).toBeGreaterThan(1);
    expect(warnings).toEqual([]);
  });

  it('after a restart, a new relay publishes only what was appended since', async () => {
    await caughtUp();
    const before = await topicsToEnd();
    const earlier = new Set(before.map((m) => m.envelope.eventId));
    const [oldRisk] = before.filter((m) => m.topic === `${prefix}.risk`).map((m) => m.key);
    const riskVersion = await store.streamVersion(oldRisk);
    const newRisk = randomUUID();
    const incident = randomUUID();
    const added = [
      ...(await append('risk', oldRisk, [riskAssessed(oldRisk, 2, 2)])),
      ...(await append('risk', newRisk, [riskIdentified(newRisk), riskAssessed(newRisk, 3, 3)])),
      ...(await append('incident', incident, [incidentReported(incident, [oldRisk, newRisk])])),
    ];

    const restarted = await startRelayProcess(2);
    restarted.start();
    await eventually(async () => {
      const checkpoint = await relayCheckpoint();
      return sameCheckpoint(checkpoint, checkpointOf(added[added.length - 1])) ? true : undefined;
    }, WAIT_MS);
    await restarted.stop();

    const after = await topicsToEnd();
    expect(after).toHaveLength(before.length + added.length);
    const fresh = after.filter((m) => !earlier.has(m.envelope.eventId));
    expect(fresh.map((m) => m.envelope.eventId).sort()).toEqual(added.map((e) => e.eventId).sort());
    expect(countBy(after, (m) => m.envelope.eventId).every(([, n]) => n === 1)).toBe(true);
    const oldStream = inLogOrder(after.filter((m) => m.key === oldRisk));
    expect(oldStream.map((m) => m.envelope.streamVersion)).toEqual(
      Array.from({ length: riskVersion + 1 }, (_, i) => i + 1),
    );
    expect(warnings).toEqual([]);
  });

  it('reads ahead while it publishes, and a publish that fails leaves only what was published checkpointed', async () => {
    const start = await caughtUp();
    const before = (await topicsToEnd()).length;
    const { events } = await appendSeveralStreams();
    await wholeLog();

    class BrokerGoneOnSecondBatch extends EventPublisher {
      private batches = 0;
      override async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
        if (++this.batches === 2) throw new Error('the broker went away');
        await super.publish(envelopes);
      }
    }
    const failing = new BrokerGoneOnSecondBatch(kafka, prefix);
    publishers.push(failing);
    await failing.connect();
    const relay = new Relay(store, checkpoints, failing, { batchSize: 4, pollMs: 20 }, logger);
    await expect(relay.relayAvailable()).rejects.toThrow('the broker went away');
    expect(await relayCheckpoint()).toEqual(checkpointOf(events[3]));
    expect(isAfter(await relayCheckpoint(), start)).toBe(true);

    const again = await startRelayProcess(4);
    expect(await again.relayAvailable()).toBe(events.length - 4);
    expect(await relayCheckpoint()).toEqual(checkpointOf(events[events.length - 1]));
    const published = (await topicsToEnd()).slice(before).map((m) => m.envelope.eventId);
    expect(published.sort()).toEqual(events.map((e) => e.eventId).sort());
  });

  it("saves a batch's checkpoint while the next batch is published, only once Kafka acknowledged it, in order", async () => {
    await caughtUp();
    const before = (await topicsToEnd()).length;
    const { events } = await appendSeveralStreams();
    await wholeLog();
    const timeline: string[] = [];
    const relay = await timedRelay(timeline);

    expect(await relay.relayAvailable()).toBe(events.length);
    const batchEnds = [3, 7, events.length - 1].map((i) => events[i].position);
    expect(timeline.filter((entry) => entry.startsWith('saved'))).toEqual(
      batchEnds.map((end) => `saved ${end}`),
    );
    for (const [i, end] of batchEnds.entries()) {
      expect(timeline.indexOf(`save ${end}`)).toBeGreaterThan(timeline.indexOf(`acked ${end}`));
      if (i > 0) {
        expect(timeline.indexOf(`save ${end}`)).toBeGreaterThan(
          timeline.indexOf(`saved ${batchEnds[i - 1]}`),
        );
      }
      // The save of a batch overlaps the publish of the next.
      if (i + 1 < batchEnds.length) {
        expect(timeline.indexOf(`saved ${end}`)).toBeGreaterThan(
          timeline.indexOf(`publish ${batchEnds[i + 1]}`),
        );
      }
    }
    expect(timeline[timeline.length - 1]).toBe(`saved ${batchEnds[2]}`);
    expect(await relayCheckpoint()).toEqual(checkpointOf(events[events.length - 1]));
    const published = (await topicsToEnd()).slice(before).map((m) => m.envelope.eventId);
    expect(published.sort()).toEqual(events.map((e) => e.eventId).sort());
  });

  it('when a publish fails while the batch before is being checkpointed, fails only once that save is done', async () => {
    const start = await caughtUp();
    const { events } = await appendSeveralStreams();
    await wholeLog();
    const timeline: string[] = [];
    const relay = await timedRelay(timeline, 2);

    await expect(relay.relayAvailable()).rejects.toThrow('the broker went away');
    expect(timeline[timeline.length - 1]).toBe(`saved ${events[3].position}`);
    expect(await relayCheckpoint()).toEqual(checkpointOf(events[3]));
    expect(isAfter(await relayCheckpoint(), start)).toBe(true);
    await relayUntil(await startRelayProcess(4), events[events.length - 1]);
  });

  /** A relay of batches of 4 whose publishes and slow checkpoint saves are noted in `timeline`. */
  async function timedRelay(timeline: string[], failingBatch = 0): Promise<Relay> {
    const publisher = recordingPublisher(timeline, failingBatch);
    await publisher.connect();
    const settings = { batchSize: 4, pollMs: 20 };
    return new Relay(store, slowCheckpoints(timeline), publisher, settings, logger);
  }

  /** A publisher that notes each batch (by its last position) when sent and when acknowledged. */
  function recordingPublisher(timeline: string[], failingBatch = 0): EventPublisher {
    class Recording extends EventPublisher {
      private batches = 0;
      override async publish(envelopes: readonly EventEnvelope[]): Promise<void> {
        const end = envelopes[envelopes.length - 1].position;
        timeline.push(`publish ${end}`);
        if (++this.batches === failingBatch) throw new Error('the broker went away');
        await super.publish(envelopes);
        timeline.push(`acked ${end}`);
      }
    }
    const publisher = new Recording(kafka, prefix);
    publishers.push(publisher);
    return publisher;
  }

  /** Checkpoints whose saves take 300 ms (a slow commit), noted when they start and end. */
  function slowCheckpoints(timeline: string[]): LogCheckpoints {
    class Slow extends LogCheckpoints {
      override async save(name: string, checkpoint: LogCheckpoint): Promise<void> {
        timeline.push(`save ${checkpoint.position}`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await super.save(name, checkpoint);
        timeline.push(`saved ${checkpoint.position}`);
      }
    }
    return new Slow(db.dataSource);
  }

  it('republishes, never skips, a batch whose checkpoint save failed (a crash between the two)', async () => {
    const saved = await caughtUp();
    const riskId = randomUUID();
    const added = await append('risk', riskId, [
      riskIdentified(riskId),
      riskAssessed(riskId, 2, 5),
    ]);
    const before = (await topicsToEnd()).length;
    await wholeLog();

    class CrashBeforeSave extends LogCheckpoints {
      override async save(): Promise<void> {
        throw new Error('process killed before the checkpoint was saved');
      }
    }
    const crashing = await startRelayProcess(10, new CrashBeforeSave(db.dataSource));
    await expect(crashing.relayOnce()).rejects.toThrow('process killed');
    expect(await relayCheckpoint()).toEqual(saved);
    expect(await topicsToEnd()).toHaveLength(before + added.length);

    await relayUntil(await startRelayProcess(10), added[added.length - 1]);
    const messages = await topicsToEnd();
    expect(messages).toHaveLength(before + 2 * added.length);
    const ofRisk = inLogOrder(messages.filter((m) => m.key === riskId));
    expect(ofRisk.map((m) => m.envelope.streamVersion)).toEqual([1, 2, 1, 2]);
    expect(ofRisk[2].envelope).toEqual(ofRisk[0].envelope);
  });

  it('with the checkpoint rolled back, duplicates reach the topics and the projected read models still equal a fold of the store', async () => {
    await caughtUp();
    const { streamIds } = await appendSeveralStreams();
    const log = await wholeLog();
    const last = log[log.length - 1];
    await relayUntil(await startRelayProcess(5), last);
    const once = await topicsToEnd();

    // A crash after publishing everything but before saving any checkpoint since the start.
    await checkpoints.save(RELAY_CHECKPOINT, LOG_START);
    await relayUntil(await startRelayProcess(5), last);
    const messages = await topicsToEnd();
    expect(messages).toHaveLength(once.length + log.length);
    const copies = new Map(countBy(messages, (m) => m.envelope.eventId));
    expect([...copies.keys()].sort()).toEqual(log.map((e) => e.eventId).sort());
    for (const streamId of streamIds) {
      expect(copies.get(log.find((e) => e.streamId === streamId)!.eventId)).toBe(2);
    }

    // Project everything the topics hold, duplicates included, as the projector would.
    const projections = [new RiskRegisterProjection(), new TraceabilityLogProjection()];
    const outcomes = Object.fromEntries(
      projections.map((p) => [p.name, { applied: 0, duplicate: 0, ignored: 0, gap: 0 }]),
    );
    for (const message of inLogOrder(messages)) {
      for (const projection of projections) {
        outcomes[projection.name][await project(db.dataSource, projection, message.envelope)]++;
      }
    }
    // The register follows incidents too: a linked incident marks its risks for review.
    const followed = new RiskRegisterProjection().streamTypes;
    const isRisk = (e: { streamType: string }) => followed.includes(e.streamType);
    const riskMessages = messages.filter((m) => isRisk(m.envelope)).length;
    const riskEvents = log.filter(isRisk).length;
    expect(outcomes).toEqual({
      'risk-register': {
        applied: riskEvents,
        duplicate: riskMessages - riskEvents,
        ignored: messages.length - riskMessages,
        gap: 0,
      },
      'traceability-log': {
        applied: log.length,
        duplicate: messages.length - log.length,
        ignored: 0,
        gap: 0,
      },
    });

    const envelopes = log.map(envelopeOf);
    const register = await new RiskRegisterQueries(db.dataSource).list({});
    expect(register.sort((a, b) => a.riskId.localeCompare(b.riskId))).toEqual(
      foldRiskRegister(envelopes),
    );
    expect(
      await new TraceabilityLogQueries(db.dataSource).list({ limit: 100_000, cleared: true }),
    ).toEqual(foldTraceabilityLog(envelopes));
  });

  it('publishes a restricted stream only on the restricted topic, never on the stream type topic', async () => {
    await caughtUp();
    const secret = randomUUID();
    const version = await store.streamVersion(secret);
    const { events } = await store.append('risk', secret, version, [
      newEvent(riskIdentified(secret, { classification: 'RESTRICTED' }), {
        classification: 'RESTRICTED',
      }),
    ]);
    await relayUntil(await startRelayProcess(), events[0]);

    const copies = (await topicsToEnd()).filter((m) => m.key === secret);
    expect(copies.map((m) => m.topic)).toEqual([restrictedTopic(prefix)]);
    expect(copies[0].envelope.metadata.classification).toBe('RESTRICTED');
    expect(copies[0].headers).toMatchObject({ ce_classification: 'RESTRICTED' });
  });
});

describe('RelayLeadership: one relay publishes at a time', () => {
  let db: TestDatabase;
  const leaderships: RelayLeadership[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.allSettled(leaderships.map((leadership) => leadership.release()));
    await db?.drop();
  });

  const instance = () => {
    const leadership = new RelayLeadership(db.url);
    leaderships.push(leadership);
    return leadership;
  };

  it('lets only one of two instances on the same database lead; the other takes over after a release', async () => {
    const first = instance();
    const second = instance();
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);
    expect(await second.tryAcquire()).toBe(false);
    expect(first.held).toBe(true);
    expect(second.held).toBe(false);

    await first.release();
    expect(first.held).toBe(false);
    await eventually(async () => ((await second.tryAcquire()) ? true : undefined), WAIT_MS);
    expect(second.held).toBe(true);
    expect(await first.tryAcquire()).toBe(false);
    await second.release();
  });

  it('lets a standby take over when the leader loses its database connection', async () => {
    const leader = instance();
    const standby = instance();
    expect(await leader.tryAcquire()).toBe(true);
    expect(await standby.tryAcquire()).toBe(false);

    await db.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND granted
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    await eventually(async () => (leader.held ? undefined : true), WAIT_MS);
    await eventually(async () => ((await standby.tryAcquire()) ? true : undefined), WAIT_MS);
    expect(standby.held).toBe(true);
    await leader.release();
    await standby.release();
  });
});

/** kafkajs's log lines, less the one every idempotent producer repeats about the retry setting. */
function echo(line: string): void {
  if (!line.includes('Limiting retries for the idempotent producer')) {
    process.stderr.write(`[kafkajs] ${line}\n`);
  }
}

function brokers(): string[] {
  const value = process.env.KAFKA_BROKERS;
  if (!value) throw new Error('KAFKA_BROKERS is not set (the global setup sets it)');
  return value.split(',');
}

/** A plain consumer of the topics, from the beginning, as an outside integration reads them. */
function topicReader(kafka: Kafka, groupId: string, topics: string[]) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const received: Received[] = [];
  const started = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        received.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? '',
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
          ),
          envelope: decodeEnvelope(message),
        });
      },
    });
  })();
  return {
    started,
    received: () => [...received],
    stop: async () => {
      await started.catch(() => undefined);
      await consumer.disconnect();
    },
  };
}

/** Messages in the order each partition holds them. */
function inLogOrder(messages: Received[]): Received[] {
  return [...messages].sort(
    (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || a.offset - b.offset,
  );
}

function countBy<T>(items: T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts];
}

function sameCheckpoint(a: LogCheckpoint, b: LogCheckpoint): boolean {
  return a.transactionId === b.transactionId && a.position === b.position;
}

function isAfter(a: LogCheckpoint, b: LogCheckpoint): boolean {
  const [ta, tb] = [BigInt(a.transactionId), BigInt(b.transactionId)];
  return ta > tb || (ta === tb && a.position > b.position);
}
