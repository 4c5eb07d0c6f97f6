import 'reflect-metadata';
import { Logger, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@riskledger/config';
import { ensureDatabase, findCheckoutRoot, localPostgres, migrate } from '@riskledger/database';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ApiModule } from '../../api/src/api.module';
import { configureApi } from '../../api/src/api.app';
import { isLocalKafkaRunning, startLocalKafka, stopLocalKafka } from './infra/local-kafka';
import { PipelineModule } from './pipeline.module';
import { settleRestoreAtStart } from './settle-restore';

const logger = new Logger('Launcher');
/** The argument that makes this program the pipeline's process (started by the launcher). */
const PIPELINE = '--pipeline';
/** How long the pipeline may take to finish what it holds and leave its consumer group. */
const PIPELINE_STOP_MS = 30_000;

/**
 * `npm start`: finds or starts PostgreSQL and Kafka, brings the schema up to date, settles a
 * restore from a backup if the database is one (as `after-restore` would), then runs the API in
 * this process and the relay, the projector and the sweeps in a second one (PipelineModule).
 * Two processes, so that HTTP load cannot starve the pipeline of its event loop (the register
 * would fall behind what was decided) and both cores do work. DATABASE_URL and KAFKA_BROKERS,
 * when set, point it at existing servers instead.
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
  let pipeline: ChildProcess | null = null;
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
    // The child inherits this environment: the servers found or started above.
    pipeline = fork(process.argv[1], [PIPELINE, String(process.pid)], { stdio: 'inherit' });
    cleanups.push(() => stopPipeline(pipeline!));
    app = configureApi(await NestFactory.create(ApiModule));
    const port = app.get(AppConfig).PORT;
    await app.listen(port);
    logger.log(`riskledger is running: http://localhost:${port} (API docs at /docs)`);
  } catch (error) {
    // What this launch started (the broker, the embedded PostgreSQL) must not outlive it.
    await runCleanups(cleanups);
    throw error;
  }

  let stopping = false;
  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: stopping`);
    await app.close();
    await runCleanups(cleanups);
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Without its pipeline the API would take commands that never reach the read models.
  const pipelineExited = () =>
    void stop(`the pipeline exited (${pipeline!.signalCode ?? pipeline!.exitCode})`, 1);
  if (pipeline!.exitCode !== null || pipeline!.signalCode !== null) pipelineExited();
  else pipeline!.once('exit', pipelineExited);
}

/** Asks the pipeline to stop and waits until it has (killing it if it takes too long). */
async function stopPipeline(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), PIPELINE_STOP_MS);
  await exited;
  clearTimeout(killer);
}

/**
 * The pipeline's process: stops on a signal, and when the launcher that started it is gone.
 * `--pipeline` alone runs it standalone (docker-compose.yml's pipeline service).
 */
async function runPipeline(): Promise<void> {
  // Named by the launcher: it may be gone before this process has loaded its code.
  const launcher = Number(process.argv[process.argv.indexOf(PIPELINE) + 1]);
  let app: INestApplicationContext | null = null;
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`pipeline: ${reason}: stopping`);
    // Still starting: nothing applied is lost by leaving now (delivery is at least once).
    await app?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // A launcher killed outright cannot stop its pipeline; the pipeline notices it was orphaned.
  if (Number.isInteger(launcher) && launcher > 0) {
    setInterval(() => {
      if (process.ppid !== launcher) void stop('the launcher is gone');
    }, 1000).unref();
  }
  app = await NestFactory.createApplicationContext(PipelineModule);
}

async function runCleanups(cleanups: (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

(process.argv.includes(PIPELINE) ? runPipeline() : launch()).catch((error: Error) => {
  logger.error(error.message);
  process.exit(1);
});
