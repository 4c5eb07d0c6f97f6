import { randomUUID } from 'node:crypto';
import { eventually } from '../../../test/support/running-system';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { checkpointOf, LOG_START } from './stored-event';
import { PostgresEventStore } from './postgres-event-store';

describe('events stored under an old schema version', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
  });
  afterAll(() => db.drop());

  it('are read as the current version, and never rewritten in the store', async () => {
    const incidentId = randomUUID();
    const v1Data = {
      incidentId,
      title: 'Found open',
      description: 'At 03:10',
      area: 'PHARMACEUTICALS',
      unit: 'Ward 12',
      occurredAt: '2026-01-20T02:10:00.000Z',
      riskIds: [],
    };
    await store.append('incident', incidentId, 0, [
      {
        type: 'IncidentReported',
        schemaVersion: 1,
        data: v1Data,
        metadata: { actor: 'old.system', correlationId: 'c', causationId: null, reason: null },
      },
    ]);

    const [fromStream] = await store.readStream(incidentId);
    expect(fromStream.schemaVersion).toBe(3);
    expect(fromStream.data).toEqual({
      ...v1Data,
      kind: null,
      severity: null,
      immediateActions: null,
      discoveredAt: null,
      personalDataAffected: null,
    });

    // Read in commit order: a transaction still running elsewhere on the server may hold it back.
    const fromLog = await eventually(async () =>
      (await store.readAllAfter(LOG_START, 1000)).find((e) => e.streamId === incidentId),
    );
    expect(fromLog).toMatchObject({ schemaVersion: 3, data: fromStream.data });
    expect(checkpointOf(fromLog).position).toBe(fromStream.position);

    const [row] = await db.dataSource.query(
      `SELECT schema_version, data FROM events WHERE stream_id = $1`,
      [incidentId],
    );
    expect(row).toEqual({ schema_version: 1, data: v1Data });
  });
});
