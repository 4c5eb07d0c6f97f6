import { killAllApps, type AppProcess } from './support/app-process';
import { FaultSystem, report, sleep, until } from './support/fault-system';

jest.setTimeout(150_000);

/**
 * Fault 2: the relay is killed with SIGKILL while it publishes, several times. It publishes a
 * batch before it moves its checkpoint, so a kill in between republishes that batch: nothing may
 * be missing on the topics, and the duplicates must change nothing downstream.
 */
describe('the relay killed (SIGKILL) in the middle of publishing', () => {
  let system: FaultSystem;

  beforeAll(async () => {
    // Small batches: many publish-then-checkpoint steps to be killed in between.
    system = await FaultSystem.create('relay', { RELAY_BATCH_SIZE: '5', RELAY_POLL_MS: '20' });
  });
  afterAll(async () => {
    await killAllApps();
    await system?.destroy();
  });

  it('leaves no event missing on the topics, each stream in order; the duplicates change nothing', async () => {
    const projector = await system.startProjector();
    await system.appendRisks(300, 4);
    let maxBacklog = await system.relayBacklog();
    let relay: AppProcess = await system.startRelay('relay-0');
    const recoveries: number[] = [];
    const kills = 4;

    for (let kill = 1; kill <= kills; kill++) {
      // Kill it while it is publishing: once its checkpoint has moved, at a random moment.
      const before = await system.relayBacklog();
      await until('the relay publishing', async () => (await system.relayBacklog()) < before - 5);
      await sleep(10 + Math.floor(Math.random() * 60));
      await relay.kill('SIGKILL');
      const killedAt = Date.now();
      // Commands keep coming while no relay runs.
      await system.appendRisks(15, 4);
      const atRestart = await system.relayBacklog();
      maxBacklog = Math.max(maxBacklog, atRestart);
      relay = await system.startRelay(`relay-${kill}`);
      await until('the restarted relay publishing', async () => {
        return (await system.relayBacklog()) < atRestart;
      });
      recoveries.push(Date.now() - killedAt);
    }

    const caughtUpIn = await system.caughtUp();
    const { events, duplicates } = await system.expectTopicsHoldTheStoreInOrder();
    expect(await system.topicMessageCount()).toBe(events + duplicates);
    await system.expectReadModelsEqualRebuild();
    // The projector was never restarted: each duplicate message reached it once, and changed nothing.
    const absorbed = projector.count(/redelivery absorbed/);
    expect(absorbed).toBe(duplicates);

    report(
      `relay SIGKILLed ${kills}x mid-publish: ${events} events, recovery (kill -> publishing ` +
        `again, incl. process start) ${recoveries.join(', ')} ms; max relay backlog ${maxBacklog}; ` +
        `duplicates produced ${duplicates}, absorbed by the projections ${absorbed}; ` +
        `read models caught up ${caughtUpIn} ms after the last restart settled; equal to a rebuild`,
    );
  });
});
