import { randomUUID } from 'node:crypto';
import { envelopeOf } from '@riskledger/contracts';
import type { DomainEvent } from '@riskledger/domain';
import { PostgresEventStore, type StoredEvent } from '@riskledger/event-store';
import {
  incidentReported,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { project } from '../projection';
import { replayProjection, verifyProjection } from '../rebuild/projection-rebuild';
import { IncidentRegisterProjection } from './incident-register.projection';
import { IncidentRegisterQueries } from './incident-register.queries';
import { untilLogSettled } from '../../../../test/support/log-settled';

describe('the incident register projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const projection = new IncidentRegisterProjection();

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  async function append(type: 'risk' | 'incident', id: string, events: DomainEvent[]) {
    const version = await store.streamVersion(id);
    return (
      await store.append(
        type,
        id,
        version,
        events.map((e) => newEvent(e)),
      )
    ).events;
  }
  const projectAll = async (events: StoredEvent[]) => {
    for (const event of events) await project(db.dataSource, projection, envelopeOf(event));
  };

  it('ends the same whether a risk identified from an incident arrives before or after the incident, and a rebuild agrees', async () => {
    const incident = randomUUID();
    const named = randomUUID();
    const fromIncident = randomUUID();
    const namedEvents = await append('risk', named, [riskIdentified(named)]);
    const reported = await append('incident', incident, [incidentReported(incident, [named])]);
    const linked = await append('incident', incident, [
      {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: incident, riskId: named, relation: 'REALISED' },
      },
    ]);
    const identified = await append('risk', fromIncident, [
      riskIdentified(fromIncident, { sourceIncidentId: incident }),
    ]);
    const assessed = await append('risk', fromIncident, [riskAssessed(fromIncident, 2, 3)]);

    // Risks and incidents come on different topics: here the risk overtakes the incident.
    await projectAll([...namedEvents, ...identified, ...assessed, ...reported, ...linked]);

    const entry = await new IncidentRegisterQueries(db.dataSource).get(incident);
    expect(entry?.linkedRisks.map((l) => [l.riskId, l.relation])).toEqual([
      [named, 'REALISED'],
      [fromIncident, 'IDENTIFIED_FROM'],
    ]);
    expect(entry).toMatchObject({ status: 'REPORTED', version: 2 });
    await untilLogSettled(db.dataSource);
    expect(await verifyProjection(db.dataSource, store, projection)).toMatchObject({
      identical: true,
      differenceCount: 0,
      checkpointDifferenceCount: 0,
    });
    await replayProjection(db.dataSource, store, projection);
    expect(await new IncidentRegisterQueries(db.dataSource).get(incident)).toEqual(entry);
  });

  it('holds the link of a risk whose incident has not arrived yet out of every query', async () => {
    const incident = randomUUID();
    const risk = randomUUID();
    await projectAll(
      await append('risk', risk, [riskIdentified(risk, { sourceIncidentId: incident })]),
    );

    const queries = new IncidentRegisterQueries(db.dataSource);
    expect(await queries.get(incident)).toBeNull();
    const page = await queries.list({}, { limit: 500, offset: 0 });
    expect(page.items.map((e) => e.incidentId)).not.toContain(incident);
    const [pending] = await db.dataSource.query(
      `SELECT status, linked_risks FROM incident_register WHERE incident_id = $1`,
      [incident],
    );
    expect(pending).toMatchObject({
      status: null,
      linked_risks: [{ riskId: risk, relation: 'IDENTIFIED_FROM' }],
    });
  });
});
