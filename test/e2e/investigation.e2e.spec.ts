import { LogSealer, PostgresEventStore } from '@riskledger/event-store';
import { allProjections, replayProjection, verifyProjection } from '@riskledger/read-models';
import { httpClient } from '../support/http';
import { eventually, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Investigations on the running system: the relay process seals the log by itself, and a
 * projection replayed while the projector applies new events from Kafka ends identical to the log.
 */
describe('investigations on the running system', () => {
  let system: RunningSystem;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    process.env.LOG_SEAL_INTERVAL_MS = '100';
    system = await startSystem();
    api = httpClient(system.baseUrl, { 'X-Actor': 'anna.berg@region.se' });
  });
  afterAll(async () => {
    await system?.stop();
    delete process.env.LOG_SEAL_INTERVAL_MS;
  });

  const identify = async (title: string) => {
    const response = await api.post('/risks', {
      title,
      description: 'Because the door closer is broken, unauthorised people can enter.',
      area: 'PHARMACEUTICALS',
      unit: 'Hospital North / Ward 12',
      likelihood: 3,
      consequence: 3,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  it('seals new events within moments, without anyone asking', async () => {
    await identify('Sealed by the relay');
    const [{ last }] = await system.db.dataSource.query(
      `SELECT max(position)::int AS last FROM events`,
    );
    const head = await eventually(async () => {
      const seal = await new LogSealer(system.db.dataSource).head();
      return seal && seal.upTo.position >= last ? seal : undefined;
    }, 10000);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays each projection while writes flow through Kafka, and ends identical to the log', async () => {
    const store = new PostgresEventStore(system.db.dataSource);
    const first = await Promise.all([identify('Before the replay 1'), identify('Before 2')]);
    let writing = true;
    const written: string[] = [];
    const writer = (async () => {
      while (writing) {
        const id = await identify(`During the replay ${written.length}`);
        await api.post(`/risks/${id}/assessments`, { likelihood: 5, consequence: 5 });
        written.push(id);
        // A steady flow, not a flood: replays three events at a time must be able to catch up.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    for (const projection of allProjections()) {
      await replayProjection(system.db.dataSource, store, projection, { batchSize: 3 });
    }
    writing = false;
    await writer;
    expect(written.length).toBeGreaterThan(0);

    for (const id of [...first, ...written]) {
      await eventually(async () => {
        const entry = await api.get(`/risks/${id}`);
        return entry.status === 200 && entry.body.version === (first.includes(id) ? 2 : 3)
          ? true
          : undefined;
      });
    }
    for (const projection of allProjections()) {
      const comparison = await eventually(async () => {
        const result = await verifyProjection(system.db.dataSource, store, projection);
        return result.identical ? result : undefined;
      });
      expect(comparison.differenceCount).toBe(0);
    }
    const integrity = await api.get('/integrity');
    expect(integrity.body).toMatchObject({ intact: true, unsealedEvents: 0 });
  }, 90_000); // eight projections replayed three events at a time while the log grows under them
});
