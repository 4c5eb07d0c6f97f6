import { httpClient } from '../support/http';
import { eventually, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Reference data is written with its read model in one transaction; the relay still carries it to
 * Kafka, and the projector, receiving it, finds every event already applied.
 */
describe('reference data through the whole system', () => {
  let system: RunningSystem;
  let api: ReturnType<typeof httpClient>;

  beforeAll(async () => {
    // Ready only once nothing waits for the relay and the projector has read every message.
    system = await startSystem({ READY_MAX_RELAY_BACKLOG: '0', READY_MAX_PROJECTOR_LAG: '0' });
    api = httpClient(system.baseUrl, { 'X-Actor': 'anna.berg@region.se' });
  });
  afterAll(() => system?.stop());

  it('relays the seeded and the added reference data; the projector changes nothing twice', async () => {
    expect(
      (
        await api.post('/security-areas', {
          code: 'PHYSICAL_SECURITY',
          sv: 'Fysisk säkerhet',
          en: 'Physical security',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.post('/organisational-units', {
          code: 'RV',
          name: 'Region Värmland',
          kind: 'REGION',
        })
      ).status,
    ).toBe(201);

    await eventually(async () =>
      (await api.get('/health/ready')).status === 200 ? true : undefined,
    );

    const db = system.db.dataSource;
    expect(await db.query(`SELECT count(*)::int AS n FROM dead_letters`)).toEqual([{ n: 0 }]);
    expect(
      await db.query(
        `SELECT projection, version FROM projection_checkpoints
         WHERE stream_id IN ('security-area:PHYSICAL_SECURITY', 'organisation', 'risk-matrix')
         ORDER BY projection`,
      ),
    ).toEqual([
      { projection: 'organisational-units', version: 1 },
      { projection: 'risk-matrices', version: 1 },
      { projection: 'security-areas', version: 1 },
    ]);
    expect((await api.get('/security-areas')).body).toHaveLength(15);
    expect((await api.get('/organisational-units')).body).toMatchObject([
      { code: 'RV', children: [] },
    ]);
  });
});
