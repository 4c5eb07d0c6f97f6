import { consumerGroupId, loadConfig } from '@riskledger/config';
import { createKafka, type Kafka } from '@riskledger/messaging';

/**
 * Kafka as the apps see it: KAFKA_BROKERS (else the local broker `npm start` runs), the topic
 * prefix and the projector's group (for this store) from the same configuration the apps validate.
 */
export function cliKafka(storeId: string): {
  kafka: Kafka;
  topicPrefix: string;
  projectorGroupId: string;
} {
  const config = loadConfig({
    ...process.env,
    // The database is opened by the CLI itself (DATABASE_URL, else the local default).
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://localhost/riskledger',
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  });
  const kafka = createKafka(
    { clientId: `${config.KAFKA_CLIENT_ID}-cli`, brokers: config.kafkaBrokers },
    { error: (line) => process.stderr.write(`[kafka] ${line}\n`), warn: () => undefined },
  );
  return {
    kafka,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    projectorGroupId: consumerGroupId(config, 'projector', storeId),
  };
}
