import { killAllApps } from './support/app-process';
import { faultsPostgres } from './support/fault-infrastructure';
import {
  CommandLoad,
  FaultSystem,
  report,
  request,
  sleep,
  until,
  type HttpAnswer,
} from './support/fault-system';

jest.setTimeout(180_000);

const OUTAGE_MS = 3000;

/**
 * Fault 4: PostgreSQL restarts under load. Requests during the outage fail fast with 503 and a
 * clear message (never a hang, never a 500 or a stack trace); the API, the relay and the
 * projector reconnect by themselves, and nothing that was answered 201 is lost.
 */
describe('PostgreSQL restarted under load', () => {
  let system: FaultSystem;
  let baseUrl: string;

  beforeAll(async () => {
    system = await FaultSystem.create('postgres');
    ({ baseUrl } = await system.startApi());
    await system.startRelay();
    await system.startProjector();
  });
  afterAll(async () => {
    await killAllApps();
    await faultsPostgres.start(); // whatever happened, the server is up for the cleanup
    await system?.destroy();
  });

  it('answers 503 at once while it is down, and recovers by itself', async () => {
    const writes = new CommandLoad(baseUrl, 2, 20).start();
    const reads: (HttpAnswer & { at: number })[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const at = Date.now();
        reads.push({
          ...(await request(baseUrl, 'GET', '/risks?area=OPERATIONAL_RELIABILITY')),
          at,
        });
        const id = writes.riskIds[writes.riskIds.length - 1];
        if (id) reads.push({ ...(await request(baseUrl, 'GET', `/risks/${id}/history`)), at });
        await sleep(50);
      }
    })();
    await sleep(1500);

    const stopping = Date.now();
    await faultsPostgres.stop();
    const down = Date.now();
    const health = await request(baseUrl, 'GET', '/health');
    await sleep(OUTAGE_MS);
    const starting = Date.now();
    await faultsPostgres.start();
    const up = Date.now();
    const firstWriteAfter = await until(
      'a write accepted again',
      async () => writes.sent.find((c) => c.at >= up && c.status === 201),
      30000,
      20,
    );
    await sleep(1500);
    await writes.stop();
    reading = false;
    await reader;

    expect(health.status).toBe(503);
    expect(health.body.checks).toMatchObject({ postgres: 'down' });

    const answers = [...writes.sent, ...reads];
    // Never a hang (status 0: no answer within 15 s), never a 500.
    expect(answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503))).toEqual(
      [],
    );
    expect(writes.sent.every((c) => c.status === 201 || c.status === 503)).toBe(true);
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is not reachable at the moment; try again shortly.',
        retryAfterSeconds: 2,
      });
    }
    const slowest503 = Math.max(...refused.map((a) => a.ms));

    const caughtUpIn = await system.caughtUp();
    const stored = new Set(
      (await system.dataSource.query(`SELECT DISTINCT stream_id FROM events`)).map(
        (r: { stream_id: string }) => r.stream_id,
      ),
    );
    expect(writes.riskIds.filter((id) => !stored.has(id))).toEqual([]);
    const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
    await system.expectReadModelsEqualRebuild();

    report(
      `PostgreSQL restarted under load (fast shutdown ${down - stopping} ms, down ${OUTAGE_MS} ms, ` +
        `start ${up - starting} ms): ${answers.length} requests, ${refused.length} answered 503 ` +
        `(slowest 503 in ${slowest503} ms), none hung, no 500; writes accepted again ` +
        `${firstWriteAfter.at + firstWriteAfter.ms - up} ms after the server was up; read models ` +
        `caught up ${caughtUpIn} ms after the load ended; ${events} events, relay duplicates ` +
        `${duplicates}; equal to a rebuild`,
    );
  });
});
