import { Kafka, logLevel } from 'kafkajs';

export interface KafkaSettings {
  clientId: string;
  brokers: string[];
}

/**
 * kafkajs stays behind this library (it has been looking for maintainers since 2023), so that a
 * move to another client with the same shape of API remains a local change.
 */
export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** Creates the topics the system uses, with explicit settings rather than broker auto-creation. */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: { partitions: number; replicationFactor: number },
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: options.partitions,
        replicationFactor: options.replicationFactor,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
