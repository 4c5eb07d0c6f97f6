import { killAllApps } from './support/app-process';
import { FaultSystem, report, request, sleep, until } from './support/fault-system';

jest.setTimeout(120_000);

/**
 * SIGTERM (a deployment, a scale-down) is not a crash: the API finishes the requests in flight
 * before it lets go of the database, and the relay finishes its batch and saves its checkpoint,
 * so that the next one republishes nothing. (The projector's case is in projector-killed.)
 */
describe('graceful shutdown on SIGTERM', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    system = await FaultSystem.create('shutdown', { RELAY_BATCH_SIZE: '5' });
  });
  afterAll(async () => {
    await killAllApps();
    await system?.destroy();
  });

  it('lets the API finish a request in flight, refusing new connections meanwhile', async () => {
    const { process: api, baseUrl } = await system.startApi();
    const riskId = (
      await request(baseUrl, 'POST', '/risks', {
        title: 'Fire door wedged open',
        description: 'Because the fire door is wedged open, smoke can spread.',
        area: 'FIRE_SAFETY',
        unit: 'Hospital South',
      })
    ).body.id;

    // Hold the events table, so that the next write waits in the middle of its append.
    const blocker = system.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE events IN EXCLUSIVE MODE`);
    try {
      const inFlight = request(baseUrl, 'POST', `/risks/${riskId}/assessments`, {
        likelihood: 4,
        consequence: 5,
        reason: 'Assessed while the API was being stopped',
      });
      await sleep(1000);
      await until('the write waiting on the lock', async () => {
        const [row] = await system.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return row.n > 0;
      });
      const signalled = Date.now();
      api.signal('SIGTERM');
      await sleep(500);
      expect(api.alive).toBe(true);
      const meanwhile = await request(baseUrl, 'GET', '/health', undefined, {}, 2000);
      expect(meanwhile.status).toBe(0); // no new connections once stopping

      await blocker.commitTransaction();
      const answer = await inFlight;
      const exit = await api.exited;
      const stoppedIn = Date.now() - signalled;

      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ version: 2, warnings: [] });
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect((await system.store.readStream(riskId)).map((e) => e.type)).toEqual([
        'RiskIdentified',
        'RiskAssessed',
      ]);
      report(
        `API SIGTERM with a request in flight: the request completed (201) and the process ` +
          `exited ${stoppedIn} ms after the signal (500 ms of it held on purpose)`,
      );
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });

  it('lets the relay finish its batch and save its checkpoint: the next one republishes nothing', async () => {
    await system.appendRisks(150, 4);
    const relay = await system.startRelay('relay-graceful');
    const before = await system.relayBacklog();
    await until('the relay publishing', async () => (await system.relayBacklog()) < before - 50);
    await relay.kill('SIGTERM');
    const exit = await relay.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    const leftOver = await system.relayBacklog();
    expect(leftOver).toBeGreaterThan(0);

    await system.startRelay('relay-after-sigterm');
    await until('the relay done', async () => (await system.relayBacklog()) === 0);
    const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
    expect(duplicates).toBe(0);
    report(
      `relay SIGTERM mid-stream (${leftOver} of ${events} events still to publish): ` +
        `the next relay republished nothing (0 duplicates)`,
    );
  });
});
