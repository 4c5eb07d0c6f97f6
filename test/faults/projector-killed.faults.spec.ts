import { killAllApps, type AppProcess } from './support/app-process';
import { FaultSystem, report, until } from './support/fault-system';

jest.setTimeout(180_000);

/**
 * Fault 3: projector instances of one consumer group killed with SIGKILL in the middle of a batch
 * (offsets are committed at the end of a batch, so the batch comes again), restarted, and another
 * instance joining: the partitions move between members, and the read models must end identical
 * to a rebuild from the store. Then a graceful stop: SIGTERM commits what was processed.
 */
describe('projector instances killed (SIGKILL) mid-batch, with rebalances', () => {
  let system: FaultSystem;
  const projectors: AppProcess[] = [];
  const absorbed = () => system.processes.reduce((n, p) => n + p.count(/redelivery absorbed/), 0);
  const projected = async () =>
    (await system.dataSource.query(`SELECT count(*)::int AS n FROM traceability_log`))[0].n;

  beforeAll(async () => {
    system = await FaultSystem.create('projector', { KAFKA_PARTITIONS: '6' });
    await system.startRelay();
  });
  afterAll(async () => {
    await killAllApps();
    await system?.destroy();
  });

  /** Time until the group is stable again with exactly the live members. */
  async function rebalanced(members: number): Promise<void> {
    await until(
      `the group stable with ${members} members`,
      async () => {
        const { groups } = await system.admin.describeGroups([system.groupId]);
        return groups[0]?.state === 'Stable' && groups[0].members.length === members;
      },
      60000,
      100,
    );
  }

  it('ends with read models identical to a rebuild from the store', async () => {
    for (let i = 0; i < 3; i++) projectors.push(await system.startProjector(`projector-${i}`));
    await rebalanced(3);
    const recoveries: number[] = [];
    const kills = 4;
    let lastKill = 0;

    for (let kill = 1; kill <= kills; kill++) {
      const appending = system.appendRisks(40, 4);
      const before = await projected();
      await until('the projectors applying', async () => (await projected()) >= before + 20);
      const victim = Math.floor(Math.random() * projectors.length);
      await projectors[victim].kill('SIGKILL');
      const killedAt = Date.now();
      lastKill = killedAt;
      await appending;
      projectors[victim] = await system.startProjector(`projector-${victim}-restart-${kill}`);
      // The killed member is gone from the group only when its session times out (6 s here).
      await rebalanced(projectors.length);
      recoveries.push(Date.now() - killedAt);
    }
    // One more instance joins: the partitions are spread over four.
    const joining = system.appendRisks(40, 4);
    projectors.push(await system.startProjector('projector-3'));
    await joining;
    await rebalanced(projectors.length);

    const caughtUpIn = await system.caughtUp();
    const sinceLastKill = Date.now() - lastKill;
    await system.expectReadModelsEqualRebuild();
    const events = await system.eventCount();
    // A batch goes to every read model in one transaction: one killed in flight left nothing
    // applied and came again whole. Only a kill between the database commit and Kafka's offset
    // commit leaves a redelivery to absorb, so their number is reported, not required.
    const duplicates = absorbed();

    report(
      `projector SIGKILLed ${kills}x mid-batch (3 instances, a 4th joining, 6 partitions): ` +
        `${events} events; group stable again after ${recoveries.join(', ')} ms (session ` +
        `timeout 6 s); read models caught up ${caughtUpIn} ms after the last rebalance ` +
        `(${sinceLastKill} ms after the last kill); redeliveries absorbed ${duplicates}; ` +
        `equal to a rebuild`,
    );
  });

  it('commits its progress on SIGTERM: a restarted projector applies nothing twice', async () => {
    await Promise.all(projectors.map((p) => p.kill('SIGTERM')));
    await system.appendRisks(100, 4);
    const before = await projected();
    const first = await system.startProjector('projector-graceful');
    await until('the projector applying', async () => (await projected()) >= before + 40);
    const stopping = Date.now();
    await first.kill('SIGTERM');
    const stoppedIn = Date.now() - stopping;
    expect(first.lines.some((line) => /progress committed/.test(line))).toBe(true);
    // Nest ends the process with the signal it received, once the shutdown hooks have run.
    const exit = await first.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    const appliedBeforeStop = (await projected()) - before;

    const second = await system.startProjector('projector-after-sigterm');
    const caughtUpIn = await system.caughtUp();
    await system.expectReadModelsEqualRebuild();
    expect(second.count(/redelivery absorbed/)).toBe(0);
    expect(first.count(/redelivery absorbed/)).toBe(0);

    report(
      `projector SIGTERM mid-stream: stopped in ${stoppedIn} ms after applying ` +
        `${appliedBeforeStop} events; the next one caught up in ${caughtUpIn} ms with 0 ` +
        `redeliveries (offsets were committed); equal to a rebuild`,
    );
  });
});
