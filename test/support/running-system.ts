import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createKafka, systemTopics } from '@riskledger/messaging';
import { configureApi } from '../../apps/api/src/api.app';
import { LauncherModule } from '../../apps/launcher/src/launcher.module';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface RunningSystem {
  baseUrl: string;
  topicPrefix: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The whole system (API, relay, projector) on a real PostgreSQL database of its own and real Kafka
 * topics of its own, listening on a free port.
 */
export async function startSystem(env: Record<string, string> = {}): Promise<RunningSystem> {
  const db = await createTestDatabase();
  const run = randomUUID().slice(0, 8);
  const topicPrefix = `e2e-${run}`;
  const apps = await startApps({
    DATABASE_URL: db.url,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    PROJECTOR_GROUP_ID: `e2e-projector-${run}`,
    KAFKA_CLIENT_ID: `e2e-${run}`,
    ...env,
  });
  return {
    baseUrl: apps.baseUrl,
    topicPrefix,
    db,
    async stop() {
      await apps.close();
      await deleteTopicsOf(topicPrefix);
      await db.drop();
    },
  };
}

/** The apps (API, relay, projector) in this process, configured by `env`, on a free port. */
export async function startApps(
  env: Record<string, string>,
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  Object.assign(process.env, { PORT: '0', ...env });
  const app: INestApplication = configureApi(
    await NestFactory.create(LauncherModule, { logger: ['error', 'warn'] }),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A run's topics go with it: a broker that keeps every run's topics starts slower each time. */
export async function deleteTopicsOf(prefix: string): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  const admin = createKafka({ clientId: `${prefix}-cleanup`, brokers }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = systemTopics(prefix).filter((topic) => existing.has(topic));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 20000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
