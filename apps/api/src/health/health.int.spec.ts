import { LOG_START, LogCheckpoints, RELAY_CHECKPOINT, checkpointOf } from '@riskledger/event-store';
import { encodeEnvelope } from '@riskledger/contracts';
import {
  allTopics,
  createKafka,
  ensureTopics,
  systemTopics,
  type Kafka,
} from '@riskledger/messaging';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { envelopeOfEvent, riskIdentified } from '../../../../test/support/domain-events';

/**
 * Up is not ready: /health says whether PostgreSQL and Kafka answer; /health/ready also whether
 * the relay has copied the store to Kafka and the projector has read Kafka, within limits.
 */
jest.setTimeout(30_000);

describe('GET /health/ready', () => {
  const run = randomUUID().slice(0, 8);
  const settings = {
    KAFKA_TOPIC_PREFIX: `int-ready-${run}`,
    PROJECTOR_GROUP_ID: `int-ready-projector-${run}`,
    READY_MAX_RELAY_BACKLOG: '2',
    READY_MAX_PROJECTOR_LAG: '1',
  };
  const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
  let t: ApiUnderTest;
  let kafka: Kafka;
  let admin: ReturnType<Kafka['admin']>;

  beforeAll(async () => {
    Object.assign(process.env, settings);
    t = await startApi();
    // The reference data the API seeds at start counts as relayed: each test starts with no backlog.
    const seeded = await t.store.readAllAfter(LOG_START, 1000);
    await new LogCheckpoints(t.db.dataSource).save(RELAY_CHECKPOINT, checkpointOf(seeded.at(-1)!));
    kafka = createKafka({ clientId: run, brokers: (process.env.KAFKA_BROKERS ?? '').split(',') });
    await ensureTopics(kafka, systemTopics(settings.KAFKA_TOPIC_PREFIX), {
      partitions: 2,
      replicationFactor: 1,
    });
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await admin
      ?.deleteTopics({ topics: systemTopics(settings.KAFKA_TOPIC_PREFIX) })
      .catch(() => undefined);
    await admin?.disconnect();
    await t?.stop();
  });

  it('is ready when nothing waits for the relay or the projector', async () => {
    const response = await t.api.get('/health/ready');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ready',
      checks: { postgres: 'up', kafka: 'up' },
      relayBacklog: 0,
      projectorLag: 0,
      relayHeldBack: null,
      limits: { relayBacklog: 2, projectorLag: 1, relayHoldMs: 10000 },
    });
  });

  it('is not ready while more events than the limit wait for the relay, and ready again once relayed', async () => {
    const ids = [await t.givenRisk(), await t.givenRisk(), await t.givenRisk()];

    const behind = await t.api.get('/health/ready');
    expect(behind.status).toBe(503);
    expect(behind.body).toMatchObject({
      status: 'not-ready',
      relayBacklog: 3,
      projectorLag: 0,
      behind: ['relayBacklog'],
    });
    // /health stays 200: the system is up, only behind.
    expect((await t.api.get('/health')).status).toBe(200);

    const [last] = (await t.store.readStream(ids[2])).slice(-1);
    await new LogCheckpoints(t.db.dataSource).save(RELAY_CHECKPOINT, checkpointOf(last));
    const caughtUp = await t.api.get('/health/ready');
    expect(caughtUp.status).toBe(200);
    expect(caughtUp.body.relayBacklog).toBe(0);
  });

  it("is not ready while the projector's group has more messages than the limit to read", async () => {
    const [topic] = allTopics(settings.KAFKA_TOPIC_PREFIX);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const riskId = randomUUID();
    await producer.send({
      topic,
      messages: [1, 2, 3].map((version) =>
        encodeEnvelope(
          envelopeOfEvent(riskIdentified(riskId), { streamId: riskId, streamVersion: version }),
        ),
      ),
    });
    await producer.disconnect();

    const lagging = await t.api.get('/health/ready');
    expect(lagging.status).toBe(503);
    expect(lagging.body).toMatchObject({ projectorLag: 3, behind: ['projectorLag'] });

    // The group commits its offsets at the end of the partitions: nothing left to read.
    const offsets = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId: settings.PROJECTOR_GROUP_ID,
      topic,
      partitions: offsets.map(({ partition, high }) => ({ partition, offset: high })),
    });
    const read = await t.api.get('/health/ready');
    expect(read.status).toBe(200);
    expect(read.body.projectorLag).toBe(0);
  });
});
