import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import type { DomainEvent } from '@riskledger/domain';
import { PostgresEventStore, type EventMetadata } from '@riskledger/event-store';
import {
  incidentReported,
  mitigationApplied,
  mitigationPlanned,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../test/support/domain-events';
import { foldRiskRegister, foldTraceabilityLog } from '../../../test/support/read-model-fold';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import {
  parseChanges,
  READ_MODEL_CHANGES_CHANNEL,
  type ReadModelChange,
} from './live/read-model-changes';
import { project, projectBatch, projectBatchToAll, type Projection } from './projection';
import { allProjections } from './projections';
import { verifyProjection } from './rebuild/projection-rebuild';
import { RiskRegisterProjection } from './risk-register/risk-register.projection';
import { RiskRegisterQueries } from './risk-register/risk-register.queries';
import { TraceabilityLogProjection } from './traceability-log/traceability-log.projection';
import { TraceabilityLogQueries } from './traceability-log/traceability-log.queries';
import { untilLogSettled } from '../../../test/support/log-settled';

describe('projecting events into the read models (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let register: RiskRegisterQueries;
  let log: TraceabilityLogQueries;
  const riskRegister = new RiskRegisterProjection();
  const traceabilityLog = new TraceabilityLogProjection();
  const projections: Projection[] = [riskRegister, traceabilityLog];

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    register = new RiskRegisterQueries(db.dataSource);
    log = new TraceabilityLogQueries(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** Appends events to a stream, one transaction each, and returns them as envelopes. */
  async function append(
    streamType: 'risk' | 'incident',
    streamId: string,
    events: DomainEvent[],
    meta: Partial<EventMetadata> = {},
  ): Promise<EventEnvelope[]> {
    const envelopes: EventEnvelope[] = [];
    for (const event of events) {
      const version = await store.streamVersion(streamId);
      const appended = await store.append(streamType, streamId, version, [newEvent(event, meta)]);
      envelopes.push(...appended.events.map(envelopeOf));
    }
    return envelopes;
  }

  /** Each projection's outcome for the envelope, in the order risk register, traceability log. */
  async function projectAll(envelope: EventEnvelope): Promise<string[]> {
    const outcomes: string[] = [];
    for (const projection of projections) {
      outcomes.push(await project(db.dataSource, projection, envelope));
    }
    return outcomes;
  }

  /** Every row the read models and their checkpoints hold for these streams. */
  async function tablesFor(streamIds: string[]) {
    const q = (sql: string) => db.dataSource.query(sql, [streamIds]);
    return {
      register: await q(`SELECT * FROM risk_register WHERE risk_id = ANY($1) ORDER BY risk_id`),
      log: await q(`SELECT * FROM traceability_log WHERE stream_id = ANY($1) ORDER BY position`),
      checkpoints: await q(
        `SELECT * FROM projection_checkpoints WHERE stream_id = ANY($1)
         ORDER BY projection, stream_id`,
      ),
    };
  }

  async function storeEnvelopes(streamIds: string[]): Promise<EventEnvelope[]> {
    const streams = await Promise.all(streamIds.map((id) => store.readStream(id)));
    return streams
      .flat()
      .map(envelopeOf)
      .sort((a, b) => a.position - b.position);
  }

  it('applies an event once: the same envelope again is a duplicate and changes no row', async () => {
    const riskId = randomUUID();
    const [identified, assessed] = await append('risk', riskId, [
      riskIdentified(riskId),
      riskAssessed(riskId, 4, 4),
    ]);
    expect(await projectAll(identified)).toEqual(['applied', 'applied']);
    expect(await projectAll(assessed)).toEqual(['applied', 'applied']);
    const before = await tablesFor([riskId]);
    expect(before.register).toHaveLength(1);
    expect(before.log).toHaveLength(2);

    expect(await projectAll(assessed)).toEqual(['duplicate', 'duplicate']);
    expect(await projectAll(identified)).toEqual(['duplicate', 'duplicate']);
    expect(await tablesFor([riskId])).toEqual(before);
    expect((await register.get(riskId))?.version).toBe(2);
  });

  it('skips an older version that arrives after a newer one', async () => {
    const riskId = randomUUID();
    const [v1, v2, v3] = await append('risk', riskId, [
      riskIdentified(riskId),
      riskAssessed(riskId, 5, 5),
      riskAssessed(riskId, 2, 2),
    ]);
    for (const envelope of [v1, v2, v3]) await projectAll(envelope);
    const before = await tablesFor([riskId]);

    expect(await projectAll(v2)).toEqual(['duplicate', 'duplicate']);
    expect(await projectAll(v1)).toEqual(['duplicate', 'duplicate']);
    expect(await tablesFor([riskId])).toEqual(before);
    expect(await register.get(riskId)).toMatchObject({ score: 4, level: 'MEDIUM', version: 3 });
    expect(
      (await log.list({ streamId: riskId, limit: 10, cleared: true })).map((e) => e.streamVersion),
    ).toEqual([1, 2, 3]);
  });

  it('leaves an event unapplied while an earlier one of its stream is missing (a gap), and applies it after', async () => {
    const riskId = randomUUID();
    const [v1, v2, v3] = await append('risk', riskId, [
      riskIdentified(riskId),
      riskAssessed(riskId, 5, 5),
      riskAssessed(riskId, 1, 2),
    ]);
    await projectAll(v1);
    const before = await tablesFor([riskId]);

    // v2 was set aside (a dead letter): v3 must not be built on the hole.
    expect(await projectAll(v3)).toEqual(['gap', 'gap']);
    expect(await tablesFor([riskId])).toEqual(before);

    expect(await projectAll(v2)).toEqual(['applied', 'applied']);
    expect(await projectAll(v3)).toEqual(['applied', 'applied']);
    expect(await register.get(riskId)).toMatchObject({ score: 2, version: 3 });
  });

  it('applies a batch with redeliveries in one go to what one event at a time gives, and a batch again changes nothing', async () => {
    const [riskA, riskB] = [randomUUID(), randomUUID()];
    const a = await append('risk', riskA, [
      riskIdentified(riskA),
      riskAssessed(riskA, 5, 5),
      mitigationPlanned(riskA, 'm-a1'),
    ]);
    const b = await append('risk', riskB, [riskIdentified(riskB), riskAssessed(riskB, 2, 3)]);
    // As Kafka may hand it over after a relay restart: interleaved streams, some events twice.
    const batch = [a[0], b[0], a[1], a[0], b[1], a[2], b[1]];
    for (const projection of projections) {
      expect(await projectBatch(db.dataSource, projection, batch)).toEqual([
        'applied',
        'applied',
        'applied',
        'duplicate',
        'applied',
        'applied',
        'duplicate',
      ]);
    }
    const after = await tablesFor([riskA, riskB]);
    const expected = foldRiskRegister([...a, ...b]);
    expect(await Promise.all(expected.map((e) => register.get(e.riskId)))).toEqual(expected);
    expect(after.log).toHaveLength(5);

    for (const projection of projections) {
      expect(new Set(await projectBatch(db.dataSource, projection, batch))).toEqual(
        new Set(['duplicate']),
      );
    }
    expect(await tablesFor([riskA, riskB])).toEqual(after);
  });

  it('applies a batch up to a hole in a stream and leaves that stream there, the others going on', async () => {
    const [riskA, riskB] = [randomUUID(), randomUUID()];
    const [a1, a2, a3] = await append('risk', riskA, [
      riskIdentified(riskA),
      riskAssessed(riskA, 5, 5),
      riskAssessed(riskA, 1, 2),
    ]);
    const [b1] = await append('risk', riskB, [riskIdentified(riskB)]);

    expect(await projectBatch(db.dataSource, riskRegister, [a1, a3, b1])).toEqual([
      'applied',
      'gap',
      'applied',
    ]);
    expect(await register.get(riskA)).toMatchObject({ version: 1 });
    expect(await register.get(riskB)).toMatchObject({ version: 1 });
    expect(await projectBatch(db.dataSource, riskRegister, [a2, a3])).toEqual([
      'applied',
      'applied',
    ]);
    expect(await register.get(riskA)).toMatchObject({ score: 2, version: 3 });
  });

  it('applies a batch to every projection in one transaction, and a hole in any leaves all unchanged', async () => {
    const [riskA, riskB] = [randomUUID(), randomUUID()];
    const [a1, a2, a3] = await append('risk', riskA, [
      riskIdentified(riskA),
      riskAssessed(riskA, 5, 5),
      riskAssessed(riskA, 1, 2),
    ]);
    const [b1] = await append('risk', riskB, [riskIdentified(riskB)]);

    const withHole = await projectBatchToAll(db.dataSource, projections, [a1, a3, b1]);
    expect(withHole.get(riskRegister.name)).toEqual(['applied', 'gap', 'applied']);
    expect(await tablesFor([riskA, riskB])).toEqual({ register: [], log: [], checkpoints: [] });

    const whole = await projectBatchToAll(db.dataSource, projections, [a1, a2, a3, b1]);
    expect([...whole.values()]).toEqual([
      ['applied', 'applied', 'applied', 'applied'],
      ['applied', 'applied', 'applied', 'applied'],
    ]);
    const again = await projectBatchToAll(db.dataSource, projections, [a3, b1]);
    expect([...again.values()]).toEqual([
      ['duplicate', 'duplicate'],
      ['duplicate', 'duplicate'],
    ]);
    const tables = await tablesFor([riskA, riskB]);
    expect(tables.register).toHaveLength(2);
    expect(await register.get(riskA)).toMatchObject({ score: 2, version: 3 });
    expect(tables.log).toHaveLength(4);
  });

  it('announces the records a batch changed once it commits, and nothing of a batch a hole rolled back', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const heard: ReadModelChange[] = [];
    listener.on('notification', (n) => heard.push(...parseChanges(n.payload ?? '')));
    await listener.query(`LISTEN ${READ_MODEL_CHANGES_CHANNEL}`);
    try {
      const [riskA, riskB] = [randomUUID(), randomUUID()];
      const [a1, a2] = await append('risk', riskA, [
        riskIdentified(riskA),
        riskAssessed(riskA, 2, 3),
      ]);
      const [b1] = await append('risk', riskB, [riskIdentified(riskB)]);

      await projectBatchToAll(db.dataSource, projections, [a2, b1]);
      await projectBatchToAll(db.dataSource, projections, [a1, a2, b1]);
      await projectBatchToAll(db.dataSource, projections, [a2]);
      await listener.query('SELECT 1'); // notifications of committed batches have arrived by now

      expect(heard).toEqual([
        { streamType: 'risk', streamId: riskA, position: a2.position, eventType: 'RiskAssessed' },
        { streamType: 'risk', streamId: riskB, position: b1.position, eventType: 'RiskIdentified' },
      ]);
    } finally {
      await listener.end();
    }
  });

  it('ignores a stream type a projection does not follow, and keeps no checkpoint for it', async () => {
    const incidentId = randomUUID();
    const [reported] = await append('incident', incidentId, [incidentReported(incidentId)]);
    const risksOnly: Projection = {
      name: 'risks-only',
      streamTypes: ['risk'],
      table: 'traceability_log',
      key: 'position',
      applyBatch: () => Promise.reject(new Error('must not be called')),
    };
    expect(await project(db.dataSource, risksOnly, reported)).toBe('ignored');
    expect((await tablesFor([incidentId])).checkpoints).toEqual([]);
  });

  it('follows incident streams in the register, for the risks they link, without a row of their own', async () => {
    const incidentId = randomUUID();
    const [reported] = await append('incident', incidentId, [incidentReported(incidentId)]);
    expect(await projectAll(reported)).toEqual(['applied', 'applied']);
    expect(await projectAll(reported)).toEqual(['duplicate', 'duplicate']);
    const tables = await tablesFor([incidentId]);
    expect(tables.register).toEqual([]);
    expect(tables.log).toHaveLength(1);
    expect(tables.checkpoints.map((c: { projection: string }) => c.projection).sort()).toEqual([
      'risk-register',
      'traceability-log',
    ]);
  });

  it('lets exactly one of concurrent deliveries of an event apply it', async () => {
    const riskId = randomUUID();
    const [identified] = await append('risk', riskId, [riskIdentified(riskId)]);
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        project(db.dataSource, i % 2 ? traceabilityLog : riskRegister, identified),
      ),
    );
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(6);
    expect((await tablesFor([riskId])).log).toHaveLength(1);
  });

  it('ends with both read models equal to a fold of the store, however often events are redelivered', async () => {
    const [riskA, riskB, riskC, incident] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await append('risk', riskA, [riskIdentified(riskA, { title: 'Fire door blocked' })]);
    await append('risk', riskB, [riskIdentified(riskB, { area: 'IT_SECURITY', owner: null })]);
    await append('risk', riskA, [riskAssessed(riskA, 3, 5), mitigationPlanned(riskA, 'm-a1')]);
    await append('risk', riskC, [riskIdentified(riskC), riskAssessed(riskC, 1, 2)]);
    await append('incident', incident, [incidentReported(incident, [riskA, riskC])], {
      actor: 'night.nurse@region.se',
    });
    await append('risk', riskB, [
      riskAssessed(riskB, 5, 4),
      mitigationPlanned(riskB, 'm-b1', { kind: 'ELIMINATE', dueDate: null }),
      mitigationPlanned(riskB, 'm-b2', { kind: 'MONITOR' }),
      mitigationApplied(riskB, 'm-b2', 'Monitoring in place'),
    ]);
    await append('risk', riskA, [mitigationApplied(riskA, 'm-a1'), riskAssessed(riskA, 1, 5)]);
    const streamIds: string[] = [riskA, riskB, riskC, incident];
    const logged = await storeEnvelopes(streamIds);

    // Delivered as Kafka would after a relay restart: each stream in order, streams interleaved,
    // and runs of each stream delivered again.
    const deliveries = interleavedWithRedeliveries(logged, 7);
    expect(deliveries.length).toBeGreaterThan(logged.length);
    const applied: Record<string, number> = { 'risk-register': 0, 'traceability-log': 0 };
    for (const envelope of deliveries) {
      for (const projection of projections) {
        if ((await project(db.dataSource, projection, envelope)) === 'applied') {
          applied[projection.name]++;
        }
      }
    }
    expect(applied).toEqual({
      'risk-register': logged.length,
      'traceability-log': logged.length,
    });

    const expectedRegister = foldRiskRegister(logged);
    expect(expectedRegister.map((e) => e.riskId).sort()).toEqual([riskA, riskB, riskC].sort());
    const actualRegister = await Promise.all(expectedRegister.map((e) => register.get(e.riskId)));
    expect(actualRegister).toEqual(expectedRegister);
    expect(await register.get(riskB)).toMatchObject({
      score: 20,
      level: 'VERY_HIGH',
      version: 5,
      mitigations: [
        { mitigationId: 'm-b1', status: 'PLANNED' },
        { mitigationId: 'm-b2', status: 'APPLIED', note: 'Monitoring in place' },
      ],
    });

    const actualLog = (await log.list({ limit: 10_000, cleared: true })).filter((e) =>
      streamIds.includes(e.streamId),
    );
    expect(actualLog).toEqual(foldTraceabilityLog(logged));

    const checkpoints = (await tablesFor(streamIds)).checkpoints;
    expect(checkpoints).toHaveLength(8); // three risks and the incident, in both projections
    for (const row of checkpoints) {
      const versions = logged.filter((e) => e.streamId === row.stream_id);
      expect(row.version).toBe(versions[versions.length - 1].streamVersion);
    }
  });

  it('applies batches to every read model at once, links waiting for their risk taken in the batch that brings it, as a rebuild would', async () => {
    const [early, late, incident, other] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const earlyEvents = await append('risk', early, [riskIdentified(early)]);
    const reported = await append('incident', incident, [incidentReported(incident, [late])]);
    const otherReported = await append('incident', other, [incidentReported(other, [late])]);
    const lateEvents = await append('risk', late, [riskIdentified(late), riskAssessed(late, 2, 3)]);
    const earlyAssessed = await append('risk', early, [riskAssessed(early, 4, 4)]);
    const all = allProjections();
    const streamIds: string[] = [early, late, incident, other];

    // The first link waits a batch for its risk; the second arrives in the batch that brings it,
    // before it; the early risk's assessment comes in a batch without its identification.
    await projectBatchToAll(db.dataSource, all, [...earlyEvents, ...reported]);
    await projectBatchToAll(db.dataSource, all, [
      ...otherReported,
      ...lateEvents,
      ...earlyAssessed,
    ]);

    expect(await register.get(late)).toMatchObject({
      linkedIncidents: [
        { incidentId: incident, relation: 'REALISED' },
        { incidentId: other, relation: 'REALISED' },
      ],
    });
    const logged = await storeEnvelopes(streamIds);
    const actualLog = (await log.list({ limit: 10_000, cleared: true })).filter((e) =>
      streamIds.includes(e.streamId),
    );
    expect(actualLog).toEqual(foldTraceabilityLog(logged));
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM risk_register_pending_links WHERE risk_id = ANY($1)`,
      [[early, late]],
    );
    expect(n).toBe(0);
    // Other tests here leave holes on purpose: only these streams' rows are compared.
    const ours = (key: string) =>
      streamIds.some((id) => key.startsWith(id)) || logged.some((e) => String(e.position) === key);
    await untilLogSettled(db.dataSource);
    for (const projection of all) {
      const comparison = await verifyProjection(db.dataSource, store, projection);
      expect(comparison.differences.filter((d) => ours(d.key))).toEqual([]);
      expect(comparison.checkpointDifferences.filter((d) => ours(d.streamId))).toEqual([]);
    }
  });

  it('loses no link when batches of the risk and of the incident that links it are applied at once', async () => {
    // As two partitions (the risks' topic and the incidents') are consumed side by side.
    const pairs = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const [riskId, incidentId] = [randomUUID(), randomUUID()];
        const risk = await append('risk', riskId, [riskIdentified(riskId)]);
        const incident = await append('incident', incidentId, [
          incidentReported(incidentId, [riskId]),
        ]);
        return { riskId, incidentId, risk, incident };
      }),
    );
    const all = allProjections();
    await Promise.all(
      pairs.flatMap(({ risk, incident }) => [
        projectBatchToAll(db.dataSource, all, incident),
        projectBatchToAll(db.dataSource, all, risk),
      ]),
    );

    for (const { riskId, incidentId } of pairs) {
      expect((await register.get(riskId))?.linkedIncidents).toMatchObject([{ incidentId }]);
    }
    const streamIds: string[] = pairs.flatMap((p) => [p.riskId, p.incidentId]);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM risk_register_pending_links WHERE risk_id = ANY($1)`,
      [streamIds],
    );
    expect(n).toBe(0);
    await untilLogSettled(db.dataSource);
    for (const projection of all) {
      const comparison = await verifyProjection(db.dataSource, store, projection);
      const ours = (key: string) => streamIds.some((id) => key.startsWith(id));
      expect(comparison.differences.filter((d) => ours(d.key))).toEqual([]);
    }
  });

  it('keeps who, why and the correlation of every event in the traceability log, verbatim', async () => {
    // Tabs, line breaks and backslashes end columns and rows in COPY's text unless escaped.
    const why = 'Door closer replaced\n\tafter audit C:\\fire\\7 \\N';
    const riskId = randomUUID();
    const identified = await append('risk', riskId, [riskIdentified(riskId)], {
      actor: 'anna.berg@region.se',
      correlationId: 'req-identify',
      causationId: 'cmd-1',
    });
    const assessed = await append('risk', riskId, [riskAssessed(riskId, 2, 4)], {
      actor: 'erik.lund@region.se',
      reason: why,
      correlationId: 'req-assess',
      causationId: 'cmd-2',
    });
    const logged = [...identified, ...assessed];
    for (const envelope of logged) await projectAll(envelope);

    const entries = await log.list({ streamId: riskId, limit: 10, cleared: true });
    expect(entries.map((e) => [e.actor, e.reason, e.correlationId, e.causationId])).toEqual([
      ['anna.berg@region.se', null, 'req-identify', 'cmd-1'],
      ['erik.lund@region.se', why, 'req-assess', 'cmd-2'],
    ]);
    expect(entries[1]).toMatchObject({
      eventId: assessed[0].eventId,
      position: assessed[0].position,
      recordedAt: assessed[0].recordedAt,
      eventType: 'RiskAssessed',
      streamVersion: 2,
      summary: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
      data: assessed[0].data,
    });
    expect(await register.get(riskId)).toMatchObject({
      identifiedBy: 'anna.berg@region.se',
      updatedBy: 'erik.lund@region.se',
    });
  });
});

/**
 * Each stream's events in order, streams interleaved, and every so often a run of a stream's
 * already delivered events again (deterministic, from `seed`).
 */
function interleavedWithRedeliveries(envelopes: EventEnvelope[], seed: number): EventEnvelope[] {
  let state = seed;
  const random = (n: number) => {
    state = (state * 48_271) % 2_147_483_647;
    return state % n;
  };
  const streams = new Map<string, EventEnvelope[]>();
  for (const envelope of envelopes) {
    streams.set(envelope.streamId, [...(streams.get(envelope.streamId) ?? []), envelope]);
  }
  const next = new Map([...streams.keys()].map((id) => [id, 0]));
  const deliveries: EventEnvelope[] = [];
  for (;;) {
    const pending = [...streams.keys()].filter((id) => next.get(id)! < streams.get(id)!.length);
    if (pending.length === 0) return deliveries;
    const id = pending[random(pending.length)];
    const events = streams.get(id)!;
    const upTo = next.get(id)!;
    if (upTo > 0 && random(3) === 0) deliveries.push(...events.slice(random(upTo), upTo));
    deliveries.push(events[upTo]);
    next.set(id, upTo + 1);
  }
}
