import {
  acquireSuiteLock,
  buildApps,
  FAULTS_KAFKA_BROKERS,
  FAULTS_POSTGRES_URL,
  faultsKafka,
  faultsPostgres,
} from './fault-infrastructure';

/**
 * The fault tests stop and restart Kafka and PostgreSQL and kill the apps: they get a broker and
 * a database server of their own, and the apps compiled once, to run as real child processes.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`[faults setup] ${line}\n`);
  await acquireSuiteLock(log);
  const started = Date.now();
  buildApps();
  log(`apps built in ${Date.now() - started} ms`);
  await faultsPostgres.start();
  faultsKafka.start();
  log(`PostgreSQL ${FAULTS_POSTGRES_URL} and Kafka ${FAULTS_KAFKA_BROKERS} ready`);
  // The fault tests fire bursts from one address; the rate limit has a test of its own.
  process.env.RATE_LIMIT_PER_MINUTE ??= '0';
  log(`ready after ${Date.now() - started} ms`);
}
