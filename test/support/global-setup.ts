import { join } from 'node:path';
import { localPostgres } from '../../libs/database/src/local-postgres';
import { isLocalKafkaRunning, startLocalKafka } from '../../apps/launcher/src/infra/local-kafka';
import { testInfrastructure } from './test-infrastructure';

const repoRoot = join(__dirname, '../..');

/**
 * Integration and end-to-end tests run against a real PostgreSQL server and a real Kafka broker:
 * TEST_DATABASE_SERVER_URL / KAFKA_BROKERS when set, else the local ones, started here if needed.
 * Each test file then makes its own database and topics, so that files cannot disturb each other.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[test setup] ${line}\n`);
  // Tests send hundreds of requests a minute from one address; the limit has a test of its own.
  process.env.RATE_LIMIT_PER_MINUTE ??= '0';
  if (!process.env.TEST_DATABASE_SERVER_URL) {
    const server = await localPostgres(join(repoRoot, '.data/test-postgres'), log);
    testInfrastructure.stopPostgres = server.stop;
    process.env.TEST_DATABASE_SERVER_URL = server.serverUrl;
  }
  if (!process.env.KAFKA_BROKERS) {
    // A broker that was already running (npm start, kafka:start) is left running afterwards.
    testInfrastructure.startedKafka = !isLocalKafkaRunning(repoRoot);
    process.env.KAFKA_BROKERS = startLocalKafka(repoRoot);
  }
}
