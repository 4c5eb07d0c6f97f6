import { RELAY_CHECKPOINT } from '@riskledger/event-store';
import { Client } from 'pg';
import { killAllApps } from './support/app-process';
import { CommandLoad, FaultSystem, report, request, sleep, until } from './support/fault-system';

jest.setTimeout(150_000);

/**
 * Fault 8: the relay is killed while another client holds a transaction open on the same server,
 * with commands flowing. The relay reads only what no running transaction can still precede, so
 * a new relay must start from its checkpoint and wait just as the old one did: not pass over the
 * held-back events, nor take them early. When the transaction ends everything arrives, each
 * stream in order, and the read models equal a rebuild.
 */
describe('the relay killed while a long transaction holds it back', () => {
  let system: FaultSystem;
  let holder: Client | undefined;

  beforeAll(async () => {
    system = await FaultSystem.create('longtx', {
      READY_MAX_RELAY_HOLD_MS: '0',
      RELAY_BATCH_SIZE: '5',
      RATE_LIMIT_PER_MINUTE: '0',
    });
  });
  afterAll(async () => {
    await holder?.end().catch(() => undefined);
    await killAllApps();
    await system?.destroy();
  });

  it('holds the new relay back as it held the old one, then delivers everything in order', async () => {
    const { baseUrl } = await system.startApi();
    let relay = await system.startRelay('relay-0');
    await system.startProjector();
    const load = new CommandLoad(baseUrl, 2, 50).start();
    try {
      await until('events flowing', async () => (await system.projectedCount()) > 10);

      holder = new Client({ connectionString: system.dbUrl, application_name: 'long-report' });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');
      const heldFrom = Date.now();
      const heldBack = await until('the relay held back', async () => {
        const answer = await request(baseUrl, 'GET', '/health/ready');
        return answer.body?.relayHeldBack?.events > 5 ? answer : undefined;
      });
      expect(heldBack.status).toBe(503);
      expect(heldBack.body.relayHeldBack.oldestTransaction.application).toBe('long-report');

      await relay.kill('SIGKILL');
      const checkpointAtKill = await relayCheckpoint();
      await sleep(500);
      relay = await system.startRelay('relay-1');
      await sleep(3000);
      // The new relay waits behind the same transaction: nothing committed after it began went out.
      const stillHeld = await request(baseUrl, 'GET', '/health/ready');
      expect(stillHeld.body.relayHeldBack?.events).toBeGreaterThan(
        heldBack.body.relayHeldBack.events,
      );
      expect(await relayCheckpoint()).toEqual(checkpointAtKill);

      await holder.query('COMMIT');
      const released = Date.now();
      const backlogAtCommit = await system.relayBacklog();
      // Killed once more while it catches up with what was held back.
      await until(
        'the relay catching up',
        async () => (await system.relayBacklog()) < backlogAtCommit,
      );
      await relay.kill('SIGKILL');
      relay = await system.startRelay('relay-2');
      await sleep(1000);
      await load.stop();

      expect(load.sent.filter((c) => c.status !== 201)).toEqual([]);
      const caughtUpIn = await system.caughtUp();
      const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
      await system.expectReadModelsEqualRebuild();
      report(
        `relay SIGKILLed while a transaction held it back for ${released - heldFrom} ms, and ` +
          `again while catching up: ${load.sent.length} commands, all 201; ` +
          `${stillHeld.body.relayHeldBack.events} events held back behind it, none published ` +
          `early; ${events} events on the topics in stream order, relay duplicates ${duplicates}; ` +
          `read models caught up ${caughtUpIn} ms after the load ended; equal to a rebuild`,
      );
    } finally {
      await load.stop();
    }
  });

  async function relayCheckpoint(): Promise<{ transaction_id: string; position: string }> {
    const [row] = await system.dataSource.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position
       FROM log_checkpoints WHERE name = $1`,
      [RELAY_CHECKPOINT],
    );
    return row;
  }
});
