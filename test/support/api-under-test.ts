import type { INestApplication } from '@nestjs/common';
import { envelopeOf } from '@riskledger/contracts';
import { NestFactory } from '@nestjs/core';
import { PostgresEventStore, type StoredEvent } from '@riskledger/event-store';
import { allProjections, project } from '@riskledger/read-models';
import type { AddressInfo } from 'node:net';
import { configureApi } from '../../apps/api/src/api.app';
import { ApiModule } from '../../apps/api/src/api.module';
import { httpClient, type HttpResult } from './http';
import { createTestDatabase, type TestDatabase } from './test-database';

export const ACTOR = 'anna.berg@region.se';

export interface ApiUnderTest {
  baseUrl: string;
  db: TestDatabase;
  store: PostgresEventStore;
  /** Sends X-Actor on every call (a call may override or blank it). */
  api: ReturnType<typeof httpClient>;
  /** A client with only these default headers (e.g. none, to leave X-Actor out). */
  client(headers?: Record<string, string>): ReturnType<typeof httpClient>;
  /** Identifies a risk over HTTP and returns its id. */
  givenRisk(overrides?: Record<string, unknown>): Promise<string>;
  /** Rows in the events table: a refusal must leave it unchanged. */
  eventCount(): Promise<number>;
  /**
   * Sends a request that must be refused and checks that nothing was appended meanwhile. Only for
   * requests that run one at a time: a concurrent write would move the count.
   */
  refused(send: () => Promise<HttpResult>): Promise<HttpResult>;
  /** Feeds a stream's stored events to the read models, as the projector does from Kafka. */
  projectStream(streamId: string): Promise<StoredEvent[]>;
  stop(): Promise<void>;
}

/**
 * The API alone (no relay, no projector) on a fresh database of its own, listening on a free port.
 * KAFKA_BROKERS stays as the global setup set it; the API only needs it for /health.
 */
export async function startApi(): Promise<ApiUnderTest> {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const app: INestApplication = configureApi(
    await NestFactory.create(ApiModule, { logger: false }),
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const store = new PostgresEventStore(db.dataSource);
  const projections = allProjections();

  const eventCount = async () => {
    const [row] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    return row.n as number;
  };
  const api = httpClient(baseUrl, { 'X-Actor': ACTOR });
  return {
    baseUrl,
    db,
    store,
    api,
    client: (headers = {}) => httpClient(baseUrl, headers),
    async givenRisk(overrides = {}) {
      const response = await api.post('/risks', riskBody(overrides));
      expect(response.status).toBe(201);
      return response.body.id;
    },
    eventCount,
    async refused(send) {
      const before = await eventCount();
      const response = await send();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await eventCount()).toBe(before);
      return response;
    },
    async projectStream(streamId) {
      const events = await store.readStream(streamId);
      for (const event of events) {
        for (const projection of projections) {
          await project(db.dataSource, projection, envelopeOf(event));
        }
      }
      return events;
    },
    async stop() {
      await app.close();
      await db.drop();
    },
  };
}

/** A 400 that names `field`, whether the DTO (fields[]) or the domain (field) refused it. */
export function expectInvalidField(response: HttpResult, field: string): void {
  expect(response.status).toBe(400);
  expect(response.body.message).toContain(field);
  const named: string[] =
    response.body.field !== undefined
      ? [response.body.field]
      : (response.body.fields ?? []).map((f: { field: string }) => f.field);
  expect(named).toContain(field);
}

/** A valid POST /risks body; override what a test is about. */
export function riskBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Unlocked medicine room on ward 12',
    description: 'Because the door closer is broken, unauthorised people can enter.',
    area: 'PHARMACEUTICALS',
    unit: 'Hospital North / Ward 12',
    owner: 'ward.manager@region.se',
    ...overrides,
  };
}

/**
 * Registers organisational units over HTTP, parents first: `[code, parentCode]` each, a region
 * where there is no parent.
 */
export async function registerUnits(
  api: ReturnType<typeof httpClient>,
  units: readonly (readonly [string, string?])[],
): Promise<void> {
  for (const [code, parentCode] of units) {
    const created = await api.post('/organisational-units', {
      code,
      name: `Unit ${code}`,
      kind: parentCode ? 'UNIT' : 'REGION',
      ...(parentCode ? { parentCode } : {}),
    });
    expect(created.status).toBe(201);
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
