import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@riskledger/config';
import { ensureDatabase, findCheckoutRoot, localPostgres, migrate } from '@riskledger/database';
import { join } from 'node:path';
import { configureApi } from '../../api/src/api.app';
import { isLocalKafkaRunning, startLocalKafka, stopLocalKafka } from './infra/local-kafka';
import { LauncherModule } from './launcher.module';
import { settleRestoreAtStart } from './settle-restore';

const logger = new Logger('Launcher');

/**
 * `npm start`: finds or starts PostgreSQL and Kafka, brings the schema up to date, settles a
 * restore from a backup if the database is one (as `after-restore` would), then runs the API, the
 * relay and the projector in this one process. DATABASE_URL and KAFKA_BROKERS, when set,
 * point it at existing servers instead.
 */
async function launch(): Promise<void> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const repoRoot = () => findCheckoutRoot(__dirname);
  if (!process.env.DATABASE_URL) {
    const server = await localPostgres(join(repoRoot(), '.data/postgres'), (line) =>
      logger.log(line),
    );
    cleanups.push(server.stop);
    process.env.DATABASE_URL = await ensureDatabase(server.serverUrl, 'riskledger');
  }
  if (!process.env.KAFKA_BROKERS) {
    const wasRunning = isLocalKafkaRunning(repoRoot());
    process.env.KAFKA_BROKERS = startLocalKafka(repoRoot());
    if (!wasRunning) cleanups.push(() => stopLocalKafka(repoRoot()));
  }
  let app: INestApplication;
  try {
    const config = loadConfig();
    const applied = await migrate(config.DATABASE_URL);
    logger.log(
      applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema is up to date',
    );
    // A database restored onto this server is settled before the apps run: here, or in the
    // one-off migration that runs before separately deployed apps (docker-compose.yml).
    await settleRestoreAtStart(config, process.cwd(), (line) => logger.log(line));
    if (process.argv.includes('--migrate-only')) return await runCleanups(cleanups);
    app = configureApi(await NestFactory.create(LauncherModule));
    const port = app.get(AppConfig).PORT;
    await app.listen(port);
    logger.log(`riskledger is running: http://localhost:${port} (API docs at /docs)`);
  } catch (error) {
    // What this launch started (the broker, the embedded PostgreSQL) must not outlive it.
    await runCleanups(cleanups);
    throw error;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app.close();
    await runCleanups(cleanups);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function runCleanups(cleanups: (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

launch().catch((error: Error) => {
  logger.error(error.message);
  process.exit(1);
});
