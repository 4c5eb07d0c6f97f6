import { randomUUID } from 'node:crypto';
import { envelopeOf } from '@riskledger/contracts';
import { PostgresEventStore } from '@riskledger/event-store';
import {
  mitigationPlanned,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { untilLogSettled } from '../../../../test/support/log-settled';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { project } from '../projection';
import { allProjections } from '../projections';
import { buildNewProjections } from './build-new-projections';
import { verifyProjection } from './projection-rebuild';

describe('building the read models an upgrade adds', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const projections = allProjections();
  const registerOnly = projections.filter((p) => p.name === 'risk-register');
  const added = projections.find((p) => p.name === 'annual-report-risk-versions')!;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  it('builds from the log what never applied an event, leaves the rest, and then builds nothing', async () => {
    expect(await buildNewProjections(db.dataSource, store, projections)).toEqual([]);

    // An installation from before the upgrade: its risks are in the register only.
    const riskId = randomUUID();
    const appended = await store.append('risk', riskId, 0, [
      newEvent(riskIdentified(riskId)),
      newEvent(riskAssessed(riskId, 3, 4)),
    ]);
    for (const event of appended.events) {
      await project(db.dataSource, registerOnly[0], envelopeOf(event));
    }
    await untilLogSettled(db.dataSource);

    const building: string[] = [];
    const built = await buildNewProjections(db.dataSource, store, projections, (p) =>
      building.push(p.name),
    );

    const riskProjections = projections
      .filter((p) => p.name !== 'risk-register' && p.streamTypes.includes('risk'))
      .map((p) => p.name);
    expect(built.map((b) => b.projection)).toEqual(riskProjections);
    expect(building).toEqual(riskProjections);
    expect(riskProjections).toContain(added.name);
    for (const projection of projections) {
      const comparison = await verifyProjection(db.dataSource, store, projection);
      expect({ projection: projection.name, identical: comparison.identical }).toEqual({
        projection: projection.name,
        identical: true,
      });
    }

    // The next event of the old risk is applied, not set aside as a hole in its stream.
    const [next] = (
      await store.append('risk', riskId, 2, [newEvent(mitigationPlanned(riskId, randomUUID()))])
    ).events;
    expect(await project(db.dataSource, added, envelopeOf(next))).toBe('applied');
    await untilLogSettled(db.dataSource);
    expect(await buildNewProjections(db.dataSource, store, projections)).toEqual([]);
  });

  it('builds a new read model once when two projector instances start together', async () => {
    // The versions of the annual report as if an upgrade had just added them.
    await db.dataSource.query(`DELETE FROM projection_checkpoints WHERE projection = $1`, [
      added.name,
    ]);
    await db.dataSource.query(`TRUNCATE ${added.table}`);

    const [first, second] = await Promise.all([
      buildNewProjections(db.dataSource, store, projections),
      buildNewProjections(db.dataSource, store, projections),
    ]);

    expect([...first, ...second].map((b) => b.projection)).toEqual([added.name]);
    const comparison = await verifyProjection(db.dataSource, store, added);
    expect(comparison.identical).toBe(true);
  });
});
