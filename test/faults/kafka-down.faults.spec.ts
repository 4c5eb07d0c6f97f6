import { killAllApps } from './support/app-process';
import { faultsKafka } from './support/fault-infrastructure';
import { CommandLoad, FaultSystem, report, request, sleep, until } from './support/fault-system';

jest.setTimeout(180_000);

/**
 * Fault 1: the broker stops while commands keep arriving over HTTP. The event store is the source
 * of truth, so every command still succeeds; the relay's backlog grows; when the broker is back,
 * every event reaches Kafka in stream order and the read models catch up, by themselves.
 */
describe('Kafka down while commands keep arriving', () => {
  let system: FaultSystem;
  let baseUrl: string;

  beforeAll(async () => {
    system = await FaultSystem.create('kafka', { READY_MAX_RELAY_BACKLOG: '20' });
    ({ baseUrl } = await system.startApi());
    await system.startRelay();
    await system.startProjector();
  });
  afterAll(async () => {
    await killAllApps();
    await system?.destroy();
    await faultsKafka.startInBackground(); // whatever happened, the next file has its broker
  });

  it('accepts every command, then delivers every event in order and the read models catch up', async () => {
    // Settled first: the reference data seeded at start has gone through Kafka to the projector.
    const ready = await until('ready and settled before the fault', async () => {
      const answer = await request(baseUrl, 'GET', '/health/ready');
      const body = answer.body as { relayBacklog?: number; projectorLag?: number };
      return answer.status === 200 && body.relayBacklog === 0 && body.projectorLag === 0
        ? answer
        : undefined;
    });
    expect(ready.body).toMatchObject({ status: 'ready', relayBacklog: 0, projectorLag: 0 });

    const load = new CommandLoad(baseUrl, 2).start();
    await sleep(1500);

    const stopping = Date.now();
    await faultsKafka.stopInBackground();
    const down = Date.now();
    let maxBacklog = 0;
    const watchBacklog = setInterval(() => {
      void system.relayBacklog().then((n) => (maxBacklog = Math.max(maxBacklog, n)));
    }, 100);
    try {
      // Up is not ready: PostgreSQL answers, Kafka does not, the backlog grows.
      const health = await request(baseUrl, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({
        status: 'unavailable',
        checks: { postgres: 'up', kafka: 'down' },
      });
      await sleep(3000);
      const notReady = await request(baseUrl, 'GET', '/health/ready');
      expect(notReady.status).toBe(503);
      expect(notReady.body).toMatchObject({
        status: 'not-ready',
        checks: { postgres: 'up', kafka: 'down' },
        projectorLag: null,
      });
      expect(notReady.body.relayBacklog).toBeGreaterThan(20);

      const backlogWhenBack = await system.relayBacklog();
      const projectedWhenBack = await system.projectedCount();
      await faultsKafka.startInBackground();
      const up = Date.now();
      // Recovery, by themselves: the relay publishes again, the projector applies again.
      const relayResumed = until(
        'the relay publishing again',
        async () => (await system.relayBacklog()) < backlogWhenBack && Date.now() - up,
      );
      const projectorResumed = until(
        'the projector applying again',
        async () => (await system.projectedCount()) > projectedWhenBack && Date.now() - up,
      );
      await sleep(1500);
      await load.stop();
      const accepted = load.sent.length;
      const duringOutage = load.sent.filter((c) => c.at >= down && c.at < up);

      // Every command succeeded, also while the broker was away.
      expect(load.sent.filter((c) => c.status !== 201)).toEqual([]);
      expect(duringOutage.length).toBeGreaterThan(10);

      const caughtUpIn = await system.caughtUp();
      const [relayAfter, projectorAfter] = await Promise.all([relayResumed, projectorResumed]);
      // Ready allows some lag (READY_MAX_PROJECTOR_LAG); the projector's committed offsets may
      // trail what it has applied for a moment (redelivered after the broker came back), so the
      // settled state is awaited, as it was before the fault.
      const readyAgain = await until('ready again and settled', async () => {
        const answer = await request(baseUrl, 'GET', '/health/ready');
        const body = answer.body as { relayBacklog?: number; projectorLag?: number };
        return answer.status === 200 && body.relayBacklog === 0 && body.projectorLag === 0
          ? answer
          : undefined;
      });
      const recovered = Date.now() - up;
      expect(readyAgain.body).toMatchObject({ status: 'ready', relayBacklog: 0, projectorLag: 0 });

      const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
      await system.expectReadModelsEqualRebuild();
      const register = await system.dataSource.query(`SELECT risk_id FROM risk_register`);
      expect(new Set(register.map((r: { risk_id: string }) => r.risk_id))).toEqual(
        new Set(load.riskIds),
      );

      report(
        `Kafka down (stopping took ${down - stopping} ms): ${accepted} commands ` +
          `over HTTP, all 201 (${duringOutage.length} while the broker was down, slowest ` +
          `${Math.max(...duringOutage.map((c) => c.ms))} ms); max relay backlog ${maxBacklog}; ` +
          `broker down for ${up - down} ms; once it was back the relay published ` +
          `again after ${relayAfter} ms and the projector applied again after ` +
          `${projectorAfter} ms; read models caught up ${caughtUpIn} ms after the load ended, ready and settled again ` +
          `${recovered} ms after the broker was back; ${events} events on the topics in ` +
          `stream order, relay duplicates ${duplicates}; equal to a rebuild`,
      );
    } finally {
      clearInterval(watchBacklog);
      await load.stop();
    }
  });
});
