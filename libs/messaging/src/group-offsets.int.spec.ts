import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createKafka } from './kafka-client';
import { moveGroupToEnd } from './group-offsets';

/** After a restore the projector's group must start after everything its topics hold. */
describe('moveGroupToEnd', () => {
  const kafka = createKafka({
    clientId: 'int-group-offsets',
    brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
  });
  const admin = kafka.admin();
  const run = randomUUID().slice(0, 8);
  const topics = [`int-offsets-${run}.a`, `int-offsets-${run}.b`];

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })) });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (const topic of topics) {
      await producer.send({
        topic,
        messages: [0, 0, 1, 2, 2, 2].map((partition, i) => ({ partition, value: `m${i}` })),
      });
    }
    await producer.disconnect();
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  it('commits every partition of every topic at its end, and a missing topic is passed over', async () => {
    const groupId = `int-offsets-${run}`;
    await moveGroupToEnd(kafka, admin, groupId, [...topics, `int-offsets-${run}.missing`]);
    const committed = await admin.fetchOffsets({ groupId, topics });
    expect(
      committed.map(({ topic, partitions }) => [
        topic,
        partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset),
      ]),
    ).toEqual(topics.map((topic) => [topic, ['2', '1', '3']]));
  });
});
