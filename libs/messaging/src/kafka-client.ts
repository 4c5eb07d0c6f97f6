import { Kafka, logLevel, type logCreator } from 'kafkajs';
import { retryWhileBrokerStarts } from './broker-start';

export interface KafkaSettings {
  clientId: string;
  brokers: string[];
}

export interface KafkaLog {
  error(message: string): void;
  warn(message: string): void;
}

/** kafkajs's own log lines, one readable line each, into the application's logger. */
const logInto =
  (log: KafkaLog): logCreator =>
  () =>
  ({ level, log: entry }) => {
    const line = `${entry.message}${entry.broker ? ` (${entry.broker})` : ''}`;
    if (level === logLevel.ERROR || level === logLevel.NOTHING) log.error(line);
    else log.warn(line);
  };

/**
 * kafkajs stays behind this library (it has been looking for maintainers since 2023), so that a
 * move to another client with the same shape of API remains a local change.
 */
export function createKafka(settings: KafkaSettings, log?: KafkaLog): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    ...(log ? { logCreator: logInto(log) } : {}),
    // Backoff capped at 2 s: a broker that comes back is used again within about 2 s, not 30.
    retry: { initialRetryTime: 200, maxRetryTime: 2000, retries: 8 },
  });
}

/**
 * Every event is a fact of its own, so topics are not compacted (compaction by key would keep only
 * a risk's last event), and they keep everything, so that a new integration can read the whole
 * history. The event store stays the system of record: any topic can be published again from it.
 */
export const TOPIC_SETTINGS = [
  { name: 'cleanup.policy', value: 'delete' },
  { name: 'retention.ms', value: '-1' },
];

/**
 * Creates the topics the system uses, with explicit settings rather than broker auto-creation, and
 * returns once every partition of each is served; waits out a broker that is still starting.
 */
export function ensureTopics(
  kafka: Kafka,
  topics: string[],
  options: { partitions: number; replicationFactor: number },
): Promise<void> {
  return retryWhileBrokerStarts(() => createMissingTopics(kafka, topics, options));
}

async function createMissingTopics(
  kafka: Kafka,
  topics: string[],
  options: { partitions: number; replicationFactor: number },
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions,
          replicationFactor: options.replicationFactor,
          configEntries: TOPIC_SETTINGS,
        })),
      });
    }
    // A topic created a moment ago (by an earlier attempt, or by another process) can have a leader
    // in the metadata before that broker hosts the partition: ready is when its offsets answer.
    for (const topic of topics) await admin.fetchTopicOffsets(topic);
  } finally {
    await admin.disconnect();
  }
}
