import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes } from 'kafkajs';
import { createKafka, ensureTopics } from './kafka-client';

describe('the topics the system creates', () => {
  it('are made with the partitions asked for, not compacted, keeping every event', async () => {
    const kafka = createKafka({
      clientId: 'topics-test',
      brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
    });
    const topic = `int-topics-${randomUUID().slice(0, 8)}.risk`;
    await ensureTopics(kafka, [topic], { partitions: 2, replicationFactor: 1 });
    await ensureTopics(kafka, [topic], { partitions: 2, replicationFactor: 1 });
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.fetchTopicOffsets(topic)).toHaveLength(2);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: topic,
            configNames: ['cleanup.policy', 'retention.ms'],
          },
        ],
      });
      const settings = Object.fromEntries(
        resources[0].configEntries.map((e) => [e.configName, e.configValue]),
      );
      expect(settings).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1' });
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
  });
});
