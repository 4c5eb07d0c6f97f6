import {
  createKafka,
  DeadLetterStore,
  ensureTopics,
  REDRIVEN_FROM_HEADER,
  type DeadLetter,
  type Kafka,
} from '@riskledger/messaging';
import { randomUUID } from 'node:crypto';
import { startApi, UUID, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { eventually } from '../../../../test/support/running-system';

jest.setTimeout(30_000);

/** Operators see the dead letters consumers recorded, and send one back to its topic. */
describe('dead letters over HTTP', () => {
  const topic = `int-dl-api-${randomUUID().slice(0, 8)}.risk`;
  let t: ApiUnderTest;
  let store: DeadLetterStore;
  let kafka: Kafka;

  const letter = (overrides: Partial<DeadLetter> = {}): DeadLetter => ({
    consumerGroup: 'riskledger-projector',
    topic,
    partition: 1,
    offset: String(Math.floor(Math.random() * 1e9)),
    key: Buffer.from('b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11'),
    value: Buffer.from('{"riskId": '),
    headers: [
      ['ce_type', Buffer.from('RiskAssessed')],
      ['ce_schemaversion', Buffer.from('1')],
    ],
    reason: 'malformed',
    detail: 'malformed event envelope: data is not JSON',
    deadLetteredAt: new Date(),
    ...overrides,
  });

  beforeAll(async () => {
    t = await startApi();
    store = new DeadLetterStore(t.db.dataSource);
    kafka = createKafka({ clientId: topic, brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
  });
  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await t?.stop();
  });

  it('lists them oldest first, with the reason, the origin and the message as text', async () => {
    await store.record(letter({ deadLetteredAt: new Date('2026-11-23T10:00:00Z') }));
    await store.record(
      letter({
        reason: 'unsupported-schema-version',
        detail: 'RiskAssessed schema version 9 is newer than the known version 1',
        value: Buffer.from([0xff, 0xfe, 0x00]),
        deadLetteredAt: new Date('2026-11-23T09:00:00Z'),
      }),
    );

    const response = await t.api.get('/dead-letters');

    expect(response.status).toBe(200);
    expect(response.body.map((l: { reason: string }) => l.reason)).toEqual([
      'unsupported-schema-version',
      'malformed',
    ]);
    expect(response.body[1]).toEqual({
      id: expect.stringMatching(UUID),
      consumerGroup: 'riskledger-projector',
      topic,
      partition: 1,
      offset: expect.stringMatching(/^\d+$/),
      reason: 'malformed',
      detail: 'malformed event envelope: data is not JSON',
      deadLetteredAt: '2026-11-23T10:00:00.000Z',
      key: 'b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11',
      headers: { ce_type: 'RiskAssessed', ce_schemaversion: '1' },
      value: '{"riskId": ',
      valueEncoding: 'utf8',
      redriveCount: 0,
      lastRedrivenAt: null,
      lastRedrivenBy: null,
    });
    expect(response.body[0]).toMatchObject({ value: '//4A', valueEncoding: 'base64' });
    expect((await t.api.get('/dead-letters?limit=1')).body).toHaveLength(1);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['pending=maybe', 'pending'],
    ['offset=3', 'offset'],
  ])('refuses the query %s', async (query, field) => {
    const response = await t.api.get(`/dead-letters?${query}`);

    expect(response.status).toBe(400);
    expect(response.body.message).toContain(field);
  });

  it('re-drives one: the original bytes, key and headers go back to the original topic, and who did it is noted', async () => {
    const original = letter({ value: Buffer.from('{"note":"re-drive me"}') });
    await store.record(original);
    const [recorded] = (await store.list({ limit: 1000 })).filter(
      (l) => l.offset === original.offset,
    );
    const received: { key: string; value: string; headers: Record<string, string> }[] = [];
    const consumer = kafka.consumer({ groupId: `${topic}-reader`, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: message.key!.toString(),
          value: message.value!.toString(),
          headers: Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          ),
        });
      },
    });
    try {
      const response = await t.api.post(`/dead-letters/${recorded.id}/redrive`, undefined, {
        'X-Actor': 'operator@region.se',
      });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: recorded.id,
        redriveCount: 1,
        lastRedrivenBy: 'operator@region.se',
        lastRedrivenAt: expect.any(String),
      });
      const [message] = await eventually(async () => (received.length > 0 ? received : undefined));
      expect(message).toEqual({
        key: 'b3d0b1b2-7d7e-4a55-9d5e-2b8f3f9b1c11',
        value: '{"note":"re-drive me"}',
        headers: {
          ce_type: 'RiskAssessed',
          ce_schemaversion: '1',
          [REDRIVEN_FROM_HEADER]: recorded.id,
        },
      });
      const pending = await t.api.get('/dead-letters?pending=true');
      expect(pending.body.map((l: { id: string }) => l.id)).not.toContain(recorded.id);
    } finally {
      await consumer.disconnect();
    }
  });

  it('answers 404 for an unknown dead letter, 400 for an id that is not a UUID, 401 without a token', async () => {
    const unknown = randomUUID();
    const notFound = await t.api.post(`/dead-letters/${unknown}/redrive`);
    expect(notFound.status).toBe(404);
    expect(notFound.body.message).toBe(`dead letter ${unknown} does not exist`);
    expect((await t.api.post('/dead-letters/42/redrive')).status).toBe(400);
    const anonymous = await t.client().post(`/dead-letters/${unknown}/redrive`);
    expect(anonymous.status).toBe(401);
  });
});

describe('re-driving while Kafka is away', () => {
  let t: ApiUnderTest;
  const brokers = process.env.KAFKA_BROKERS;

  beforeAll(async () => {
    process.env.KAFKA_BROKERS = '127.0.0.1:1';
    t = await startApi();
  });
  afterAll(async () => {
    process.env.KAFKA_BROKERS = brokers;
    await t?.stop();
  });

  it('answers 503 saying that nothing was sent, and notes no re-drive', async () => {
    const store = new DeadLetterStore(t.db.dataSource);
    await store.record({
      consumerGroup: 'g',
      topic: 'nowhere.risk',
      partition: 0,
      offset: '1',
      key: null,
      value: null,
      headers: [],
      reason: 'malformed',
      detail: 'empty message',
      deadLetteredAt: new Date(),
    });
    const [recorded] = await store.list({ limit: 1 });

    const response = await t.api.post(`/dead-letters/${recorded.id}/redrive`);

    expect(response.status).toBe(503);
    expect(response.body.message).toMatch(/Kafka is not reachable.*not re-driven/);
    expect((await store.get(recorded.id))?.redriveCount).toBe(0);
  });
});
