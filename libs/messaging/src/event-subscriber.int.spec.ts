import { Partitioners } from 'kafkajs';
import { encodeEnvelope, type EventEnvelope } from '@riskledger/contracts';
import { randomUUID } from 'node:crypto';
import { envelopeOfEvent, riskAssessed, riskIdentified } from '../../../test/support/domain-events';
import { eventually } from '../../../test/support/running-system';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import {
  DEAD_LETTER_HEADERS,
  UnprocessableMessageError,
  type DeadLetter,
} from './dead-letters/dead-letter';
import { DeadLetterRedriver } from './dead-letters/dead-letter-redriver';
import { DeadLetterStore } from './dead-letters/dead-letter-store';
import { EventSubscriber, type SubscriptionOptions } from './event-subscriber';
import { createKafka, ensureTopics } from './kafka-client';
import { allTopics, deadLetterTopic, systemTopics, topicFor } from './topics';

jest.setTimeout(60_000);

class DatabaseAway extends Error {}

/**
 * The subscriber against the real broker: what it does with a message it cannot process, with
 * dead letters on (the projector) and off (as before, for subscribers that do not opt in).
 */
describe('EventSubscriber: poison messages and dead letters', () => {
  const prefix = `int-sub-${randomUUID().slice(0, 8)}`;
  const kafka = createKafka({
    clientId: prefix,
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const subscribers: EventSubscriber[] = [];
  let db: TestDatabase;
  let store: DeadLetterStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new DeadLetterStore(db.dataSource);
    await ensureTopics(kafka, systemTopics(prefix), { partitions: 1, replicationFactor: 1 });
    await admin.connect();
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.allSettled(subscribers.map((s) => s.stop()));
    await producer.disconnect();
    await admin.deleteTopics({ topics: systemTopics(prefix) }).catch(() => undefined);
    await admin.disconnect();
    await db?.drop();
  });

  /**
   * A subscriber of its own group, from the start of the topics (so it also sees the other tests'
   * messages: it handles only the stream `riskId`); returns what it handled.
   */
  async function subscribe(
    riskId: string,
    handle: (envelope: EventEnvelope) => Promise<void>,
    options: Partial<SubscriptionOptions> = {},
  ): Promise<{ groupId: string; handled: EventEnvelope[] }> {
    const groupId = `${prefix}-group-${randomUUID().slice(0, 8)}`;
    const handled: EventEnvelope[] = [];
    const subscriber = new EventSubscriber(kafka, {
      groupId,
      topics: allTopics(prefix),
      sessionTimeoutMs: 6000,
      ...options,
    });
    subscribers.push(subscriber);
    await subscriber.start(async (envelope) => {
      if (envelope.streamId !== riskId) return;
      await handle(envelope);
      handled.push(envelope);
    });
    return { groupId, handled };
  }

  function deadLettersOn(record?: (letter: DeadLetter) => Promise<void>) {
    return {
      deadLetters: {
        topic: deadLetterTopic(prefix),
        isTransient: (error: unknown) => error instanceof DatabaseAway,
        record: record ?? ((letter: DeadLetter) => store.record(letter).then(() => undefined)),
      },
    };
  }

  async function send(
    ...messages: { key: string; value: Buffer | null; headers: Record<string, string> }[]
  ) {
    await producer.send({ topic: topicFor(prefix, 'risk'), messages });
  }

  const riskEvent = (riskId: string, version: number, type = 'RiskAssessed') =>
    envelopeOfEvent(
      version === 1 ? riskIdentified(riskId) : { ...riskAssessed(riskId, 2, 3), type },
      { eventId: randomUUID(), streamId: riskId, streamVersion: version, position: version },
    );

  /** The dead letters the group recorded of the stream `riskId`. */
  async function recordedFor(groupId: string, riskId: string): Promise<DeadLetter[]> {
    return (await store.list({ limit: 1000 })).filter(
      (l) => l.consumerGroup === groupId && l.key?.toString() === riskId,
    );
  }

  it('sets aside an event the handler keeps failing on, after three attempts, and moves on', async () => {
    const riskId = randomUUID();
    const [first, failing, next] = [
      riskEvent(riskId, 1),
      riskEvent(riskId, 2),
      riskEvent(riskId, 3),
    ];
    let attempts = 0;
    const { groupId, handled } = await subscribe(
      riskId,
      async (envelope) => {
        if (envelope.eventId === failing.eventId) {
          attempts++;
          throw new TypeError("Cannot read properties of undefined (reading 'score')");
        }
      },
      deadLettersOn(),
    );
    await send(encodeEnvelope(first), encodeEnvelope(failing), encodeEnvelope(next));

    await eventually(async () => (handled.length >= 2 ? true : undefined));
    expect(handled.map((e) => e.eventId)).toEqual([first.eventId, next.eventId]);
    expect(attempts).toBe(3);
    const [letter] = await eventually(async () => {
      const letters = await recordedFor(groupId, riskId);
      return letters.length > 0 ? letters : undefined;
    });
    expect(letter).toMatchObject({
      topic: topicFor(prefix, 'risk'),
      partition: 0,
      reason: 'handler-failed',
      detail: "failed 3 times; last: Cannot read properties of undefined (reading 'score')",
      key: Buffer.from(riskId),
      value: encodeEnvelope(failing).value,
    });
  });

  it('sets aside at once what the handler refuses as unprocessable', async () => {
    const riskId = randomUUID();
    const refused = riskEvent(riskId, 5);
    let attempts = 0;
    const { groupId } = await subscribe(
      riskId,
      async () => {
        attempts++;
        throw new UnprocessableMessageError('stream-gap', 'version 5 arrived, 4 is missing');
      },
      deadLettersOn(),
    );
    await send(encodeEnvelope(refused));

    const letters = await eventually(async () => {
      const found = await recordedFor(groupId, riskId);
      return found.length > 0 ? found : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      reason: 'stream-gap',
      detail: 'version 5 arrived, 4 is missing',
    });
    expect(attempts).toBe(1);
  });

  it('retries an error of the infrastructure until it passes, and sets nothing aside', async () => {
    const riskId = randomUUID();
    const event = riskEvent(riskId, 1);
    let attempts = 0;
    const { groupId, handled } = await subscribe(
      riskId,
      async () => {
        attempts++;
        if (attempts <= 4) throw new DatabaseAway('connect ECONNREFUSED 127.0.0.1:5432');
      },
      deadLettersOn(),
    );
    await send(encodeEnvelope(event));

    await eventually(async () => (handled.length > 0 ? true : undefined), 30000);
    expect(handled.map((e) => e.eventId)).toEqual([event.eventId]);
    expect(attempts).toBe(5);
    expect(await recordedFor(groupId, riskId)).toEqual([]);
  });

  it('puts poison on the dead-letter topic with its reason and origin, byte for byte, and a re-drive brings it back', async () => {
    const riskId = randomUUID();
    const poison = { ...encodeEnvelope(riskEvent(riskId, 2)), value: Buffer.from('{"riskId": ') };
    const fixable = riskEvent(riskId, 1);
    let fixed = false;
    const { groupId, handled } = await subscribe(
      riskId,
      async (envelope) => {
        if (envelope.eventId === fixable.eventId && !fixed) throw new Error('projection bug');
      },
      deadLettersOn(),
    );
    await send(poison, encodeEnvelope(fixable));

    const letters = await eventually(async () => {
      const found = await recordedFor(groupId, riskId);
      return found.length >= 2 ? found : undefined;
    });
    expect(letters.map((l) => l.reason).sort()).toEqual(['handler-failed', 'malformed']);

    // The dead-letter topic holds the same, with the reason in its headers.
    const onTopic: { headers: Record<string, string>; value: Buffer | null }[] = [];
    const reader = kafka.consumer({
      groupId: `${prefix}-dl-${randomUUID().slice(0, 8)}`,
      maxWaitTimeInMs: 100,
    });
    await reader.connect();
    await reader.subscribe({ topics: [deadLetterTopic(prefix)], fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        if (headers[DEAD_LETTER_HEADERS.group] === groupId)
          onTopic.push({ headers, value: message.value });
      },
    });
    await eventually(async () => (onTopic.length >= 2 ? true : undefined));
    await reader.disconnect();
    const malformed = onTopic.find((m) => m.headers[DEAD_LETTER_HEADERS.reason] === 'malformed')!;
    expect(malformed.value).toEqual(poison.value);
    expect(malformed.headers).toMatchObject({
      ...poison.headers,
      [DEAD_LETTER_HEADERS.topic]: topicFor(prefix, 'risk'),
      [DEAD_LETTER_HEADERS.partition]: '0',
      [DEAD_LETTER_HEADERS.detail]: 'malformed event envelope: data is not JSON',
    });
    expect(Number(malformed.headers[DEAD_LETTER_HEADERS.offset])).toBeGreaterThanOrEqual(0);

    // Once the handler is fixed, the operator re-drives the event: it is handled, and only once.
    fixed = true;
    const redriver = new DeadLetterRedriver(kafka);
    const failed = (await recordedFor(groupId, riskId)).find(
      (l) => l.reason === 'handler-failed',
    ) as Awaited<ReturnType<DeadLetterStore['list']>>[number];
    await redriver.redrive(failed);
    await redriver.disconnect();
    await eventually(async () =>
      handled.some((e) => e.eventId === fixable.eventId) ? true : undefined,
    );
    expect(handled.filter((e) => e.eventId === fixable.eventId)).toHaveLength(1);
    expect(await store.markRedriven(failed.id, 'operator', new Date())).toMatchObject({
      redriveCount: 1,
      lastRedrivenBy: 'operator',
    });
    expect((await recordedFor(groupId, riskId)).map((l) => l.reason).sort()).toEqual([
      'handler-failed',
      'malformed',
    ]);
  });

  it('records a dead letter once, however often a crash makes the consumer set it aside again', async () => {
    const letter: DeadLetter = {
      consumerGroup: `${prefix}-crashy`,
      topic: topicFor(prefix, 'risk'),
      partition: 0,
      offset: '42',
      key: Buffer.from('risk-1'),
      value: Buffer.from([0xff, 0x00, 0x7b]),
      headers: [
        ['ce_type', Buffer.from('RiskAssessed')],
        ['ce_type', Buffer.from('twice')],
      ],
      reason: 'malformed',
      detail: 'data is not JSON',
      deadLetteredAt: new Date('2026-11-23T09:00:00Z'),
    };
    expect(await store.record(letter)).toBe(true);
    expect(await store.record({ ...letter, deadLetteredAt: new Date() })).toBe(false);
    const [stored] = (await store.list({ limit: 100 })).filter(
      (l) => l.consumerGroup === letter.consumerGroup,
    );
    expect(stored).toMatchObject({ ...letter, redriveCount: 0, lastRedrivenAt: null });
    expect(await store.list({ limit: 100, pending: true })).toContainEqual(stored);
  });

  it('without dead letters, skips what is not an event and hands on an unknown type, as before', async () => {
    const riskId = randomUUID();
    const unknown = riskEvent(riskId, 2, 'RiskArchived');
    const malformed: string[] = [];
    const { handled } = await subscribe(riskId, async () => undefined, {
      onMalformed: (error, where) => void malformed.push(`${where}: ${error.message}`),
    });
    await send({ ...encodeEnvelope(riskEvent(riskId, 1)), value: null }, encodeEnvelope(unknown));
    await eventually(async () =>
      handled.some((e) => e.eventId === unknown.eventId) ? true : undefined,
    );
    expect(malformed.some((line) => line.endsWith('malformed event envelope: empty message'))).toBe(
      true,
    );
  });

  // Last: the subscribers above read the topic from its start and would set this one aside too.
  it('sets aside an event whose data breaks its JSON Schema, with the reason, and moves on', async () => {
    const riskId = randomUUID();
    const broken = riskEvent(riskId, 2);
    const sound = riskEvent(riskId, 3);
    const { groupId, handled } = await subscribe(riskId, async () => undefined, deadLettersOn());
    await send(
      encodeEnvelope({ ...broken, data: { ...broken.data, likelihood: 'high' } }),
      encodeEnvelope(sound),
    );

    await eventually(async () => (handled.length > 0 ? handled : undefined));
    expect(handled.map((e) => e.streamVersion)).toEqual([3]);
    const [letter] = await eventually(async () => {
      const found = await recordedFor(groupId, riskId);
      return found.length > 0 ? found : undefined;
    });
    expect(letter.reason).toBe('malformed');
    expect(letter.detail).toMatch(/^RiskAssessed v2 does not match its JSON Schema: .*likelihood/);
  });
});
