import { randomUUID } from 'node:crypto';
import { envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import { assess, type DomainEvent } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import {
  incidentReported,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { project, projectBatch } from '../projection';
import { replayProjection, verifyProjection } from '../rebuild/projection-rebuild';
import { RiskRegisterAsOf } from './risk-register.as-of';
import { RiskRegisterFold } from './risk-register.fold';
import type { RiskRegisterEntry } from '../risk-register/risk-register-entry';
import {
  RISK_SORT_KEYS,
  RiskRegisterReads,
  type RiskRegisterFilter,
  type RiskRegisterScope,
} from '../risk-register/risk-register.queries';
import { entryOf, RISK_REGISTER_COLUMNS, rowOf } from '../risk-register/risk-register.table';
import { RiskRegisterVersionsProjection } from './risk-register-versions.projection';
import { untilLogSettled } from '../../../../test/support/log-settled';
import { RegisterVersionsColumns1732300018400 } from '../migrations/1732300018400-register-versions-columns';

const MINUTE = 60_000;
const at = (ms: number) => new Date(ms);

/** Filters that each find some of the risks at some moment below, and some none. */
const FILTERS: RiskRegisterFilter[] = [
  {},
  { area: 'FIRE_SAFETY' },
  { area: 'IT_SECURITY' },
  { unit: 'Hospital South' },
  { unit: 'Hospital South', includeSubunits: true },
  { level: 'HIGH' },
  { status: 'CLOSED' },
  { status: 'OPEN', owner: 'new.owner@region.se' },
  { classification: 'RESTRICTED' },
  { needsReview: true },
  { needsReview: false },
  { reviewOverdue: false },
  { mitigationOverdue: false },
  { q: 'DOOR closer' },
  { q: 'server' },
  { reviewDueBefore: '2027-02-01' },
  { acceptanceLapsesBefore: '2026-12-31' },
  { cell: { basis: 'INHERENT', likelihood: 4 } },
  { cell: { basis: 'CURRENT', consequence: 4 } },
  { cell: { basis: 'TARGET' } },
];

/** Whom and when: everything, and a caller of one unit without clearance, on a later matrix. */
const SCOPES: RiskRegisterScope[] = [
  { moment: { today: '2026-03-02', matrixVersion: 1 } },
  {
    visibility: {
      cleared: false,
      windows: [{ units: ['Hospital South'], areas: null, reportedBy: null }],
    },
    moment: { today: '2027-03-01', matrixVersion: 2 },
  },
  {
    visibility: {
      cleared: true,
      windows: [{ units: null, areas: ['FIRE_SAFETY'], reportedBy: null }],
    },
    moment: { today: '2026-03-02', matrixVersion: 1 },
  },
];

/**
 * The register as of a moment from its versions table answers exactly what the fold of the log
 * answers, at moments before, between and at events, also when incident events arrive after later
 * events of the risk they link; and for events the projector has not applied yet, it answers
 * without them until they are applied.
 */
describe('the register as of a moment, from its versions (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let fold: RiskRegisterFold;
  let asOf: RiskRegisterAsOf;
  const versions = new RiskRegisterVersionsProjection();
  /** The store's clock: each append is recorded a minute after the one before. */
  let clock = Date.parse('2026-03-02T08:00:00.000Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource, () => at(clock));
    fold = new RiskRegisterFold(store);
    asOf = new RiskRegisterAsOf(db.dataSource);
  });
  afterAll(() => db?.drop());

  /** Appends the events to the stream in one transaction (one recorded time), a minute on. */
  async function append(
    streamType: 'risk' | 'incident',
    streamId: string,
    events: DomainEvent[],
  ): Promise<{ recordedAt: number; envelopes: EventEnvelope[] }> {
    clock += MINUTE;
    const version = await store.streamVersion(streamId);
    const appended = await store.append(
      streamType,
      streamId,
      version,
      events.map((e) => newEvent(e)),
    );
    return { recordedAt: clock, envelopes: appended.events.map(envelopeOf) };
  }

  /** Each envelope applied on its own, in the order given, as the live projector does. */
  async function projectEach(envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      expect(await project(db.dataSource, versions, envelope)).toBe('applied');
    }
  }

  /**
   * The fold of the log at a moment as the live register holds it: its rows (rowOf) in a table
   * like risk_register, read by the live register's queries.
   */
  async function foldedRegister(moment: Date): Promise<RiskRegisterReads> {
    const entries = await fold.list(moment);
    await db.dataSource.query(`DROP TABLE IF EXISTS folded_register`);
    await db.dataSource.query(`CREATE TABLE folded_register (LIKE risk_register INCLUDING ALL)`);
    const columns = RISK_REGISTER_COLUMNS.join(', ');
    await db.dataSource.query(
      `INSERT INTO folded_register (${columns})
       SELECT ${columns} FROM jsonb_populate_recordset(NULL::folded_register, $1::jsonb)`,
      [JSON.stringify(entries.map(rowOf))],
    );
    return new RiskRegisterReads(db.dataSource, {
      relation: 'folded_register AS risk_register',
      parameters: [],
      entryColumns: '*',
      entryOf: (row) => entryOf(row as never),
    });
  }

  /** How many risks each filter found, in all the moments compared: none of them always empty. */
  const found = new Map<string, number>();

  async function expectSameAsFold(moments: readonly number[], riskIds: readonly string[]) {
    for (const moment of moments) {
      const expected: RiskRegisterEntry[] = await fold.list(at(moment));
      const register = asOf.at(at(moment));
      expect({ moment: at(moment), register: await register.list() }).toEqual({
        moment: at(moment),
        register: expected,
      });
      for (const riskId of riskIds) {
        expect(await register.get(riskId)).toEqual(await fold.get(riskId, at(moment)));
      }
      // Filtered, ordered, paged and counted in SQL, as the live register holding the fold is.
      const folded = await foldedRegister(at(moment));
      for (const scope of SCOPES) {
        for (const filter of FILTERS) {
          const page = await register.page(filter, scope, { limit: 2, offset: 1 });
          expect({ filter, scope, page }).toEqual({
            filter,
            scope,
            page: await folded.page(filter, scope, { limit: 2, offset: 1 }),
          });
          expect(await register.matrix(filter, scope)).toEqual(await folded.matrix(filter, scope));
          expect(await register.lines(filter, scope)).toEqual(await folded.lines(filter, scope));
          const key = JSON.stringify(filter);
          found.set(key, (found.get(key) ?? 0) + page.total);
        }
        for (const riskId of riskIds) {
          expect(await register.get(riskId, scope.visibility)).toEqual(
            await folded.get(riskId, scope.visibility),
          );
        }
      }
      for (const key of RISK_SORT_KEYS) {
        for (const descending of [false, true]) {
          const sort = { key, descending };
          const ids = (entries: RiskRegisterEntry[]) => entries.map((e) => e.riskId);
          expect({ sort, ids: ids(await register.list({}, SCOPES[0], sort)) }).toEqual({
            sort,
            ids: ids(await folded.list({}, SCOPES[0], sort)),
          });
        }
      }
    }
  }

  const getAsOf = (riskId: string, moment: Date) => asOf.at(moment).get(riskId);

  const accepted = (riskId: string, acceptanceId: string): DomainEvent => ({
    type: 'RiskAccepted',
    data: {
      riskId,
      acceptanceId,
      justification: 'Proportionate to the cost of card access',
      acceptedByRole: 'SECURITY_COORDINATOR',
      residual: { basis: 'CURRENT', ...assess({ likelihood: 2, consequence: 2 }) },
      lapsesOn: '2026-06-30',
    },
  });

  it('answers as the fold of the log does, at every kind of moment', async () => {
    const [a, b, c, incident] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const acceptance = randomUUID();
    const first = await append('risk', a, [riskIdentified(a), riskAssessed(a, 4, 4, 'INHERENT')]);
    const second = await append('risk', b, [
      riskIdentified(b, { area: 'FIRE_SAFETY', additionalAreas: ['IT_SECURITY'] }),
    ]);
    const owner = await append('risk', a, [
      { type: 'RiskOwnerAssigned', data: { riskId: a, owner: 'new.owner@region.se' } },
    ]);
    const reassessed = await append('risk', a, [riskAssessed(a, 2, 4)]);
    const reported = await append('incident', incident, [incidentReported(incident, [a, b])]);
    const acceptedB = await append('risk', b, [riskAssessed(b, 2, 2), accepted(b, acceptance)]);
    const lapsed = await append('risk', b, [
      {
        type: 'RiskAcceptanceLapsed',
        data: { riskId: b, acceptanceId: acceptance, lapsedOn: '2026-06-30' },
      },
    ]);
    const closed = await append('risk', a, [
      { type: 'RiskClosed', data: { riskId: a, reason: 'Room converted to an office' } },
    ]);
    const third = await append('risk', c, [
      riskIdentified(c, {
        title: 'Server room without UPS',
        unit: 'Hospital South',
        classification: 'RESTRICTED',
        nextReviewDate: '2027-01-31',
      }),
    ]);
    const reopened = await append('risk', a, [
      { type: 'RiskReopened', data: { riskId: a, reason: 'The office holds medicine again' } },
    ]);
    const linked = await append('incident', incident, [
      {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: incident, riskId: c, relation: 'REVEALED' },
      },
    ]);
    const last = await append('risk', a, [riskAssessed(a, 5, 5), riskAssessed(a, 1, 2, 'TARGET')]);
    const all = [first, second, owner, reassessed, reported, acceptedB, lapsed, closed, third]
      .concat([reopened, linked, last])
      .flatMap((s) => s.envelopes);
    await projectEach(all);

    const between = (step: { recordedAt: number }) => step.recordedAt + 30_000;
    await expectSameAsFold(
      [
        first.recordedAt - 1, // before the first event: an empty register
        first.recordedAt, // at it: both events of its transaction
        between(first), // between two events of one risk, nothing else in between
        second.recordedAt,
        between(owner),
        reassessed.recordedAt,
        between(reported),
        acceptedB.recordedAt,
        between(lapsed),
        between(closed),
        between(third),
        between(reopened),
        between(linked),
        last.recordedAt + MINUTE,
      ],
      [a, b, c, randomUUID()],
    );
    // One version per append that changed the risk: its two first events make one.
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM risk_register_versions WHERE risk_id = $1`,
      [a],
    );
    expect(n).toBe(7);
    // Not an empty comparison: the moments see the risks as they were then.
    expect(await asOf.at(at(first.recordedAt - 1)).list()).toEqual([]);
    expect(await getAsOf(a, at(between(first)))).toMatchObject({
      score: 16,
      owner: 'ward.manager@region.se',
    });
    expect(await getAsOf(a, at(between(owner)))).toMatchObject({ owner: 'new.owner@region.se' });
    expect(await getAsOf(b, at(acceptedB.recordedAt))).toMatchObject({
      acceptance: { status: 'IN_FORCE' },
    });
    expect(await getAsOf(b, at(between(lapsed)))).toMatchObject({
      acceptance: null,
      pastAcceptances: [{ status: 'LAPSED' }],
    });
    expect(await getAsOf(a, at(between(closed)))).toMatchObject({ status: 'CLOSED', version: 5 });
    expect(await getAsOf(a, at(between(reopened)))).toMatchObject({ status: 'OPEN', score: 8 });
    expect(await getAsOf(c, at(between(third)))).toMatchObject({ linkedIncidents: [] });
    expect(await getAsOf(c, at(between(linked)))).toMatchObject({
      linkedIncidents: [{ incidentId: incident, relation: 'REVEALED' }],
    });
  });

  it('places an incident event that arrives after later events of its risk where the log has it', async () => {
    const [d, e, incident, early] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const identified = await append('risk', d, [riskIdentified(d)]);
    const reported = await append('incident', incident, [incidentReported(incident, [d])]);
    const reviewed = await append('risk', d, [
      { type: 'RiskReviewed', data: { riskId: d, notes: 'Seen to', nextReviewDate: '2027-03-01' } },
    ]);
    const reassessed = await append('risk', d, [riskAssessed(d, 3, 3)]);
    const identifiedE = await append('risk', e, [riskIdentified(e)]);
    const reportedE = await append('incident', early, [incidentReported(early, [e])]);
    // Incidents travel on their own topic: the risk's events come first, the links after; the link
    // to E even before E itself (it waits for its risk).
    await projectEach([
      ...reportedE.envelopes,
      ...identified.envelopes,
      ...reviewed.envelopes,
      ...reassessed.envelopes,
      ...identifiedE.envelopes,
      ...reported.envelopes,
    ]);
    await expectSameAsFold(
      [identified, reported, reviewed, reassessed, identifiedE, reportedE].flatMap((s) => [
        s.recordedAt,
        s.recordedAt + 30_000,
      ]),
      [d, e],
    );
    expect(await getAsOf(d, at(reported.recordedAt))).toMatchObject({
      reviewReasons: [`incident ${incident} realised the risk`],
    });
    expect(await getAsOf(d, at(reviewed.recordedAt))).toMatchObject({ reviewReasons: [] });
  });

  it('is built by a rebuild from the log exactly as the projector built it', async () => {
    await untilLogSettled(db.dataSource);
    expect((await verifyProjection(db.dataSource, store, versions)).identical).toBe(true);
    const before = await db.dataSource.query(
      `SELECT * FROM risk_register_versions ORDER BY risk_id, recorded_at, position`,
    );
    await replayProjection(db.dataSource, store, versions);
    expect(
      await db.dataSource.query(
        `SELECT * FROM risk_register_versions ORDER BY risk_id, recorded_at, position`,
      ),
    ).toEqual(before);
  });

  it('answers a moment the projector has not reached without the events it has not applied', async () => {
    const f = randomUUID();
    const identified = await append('risk', f, [riskIdentified(f)]);
    await projectEach(identified.envelopes);
    const reassessed = await append('risk', f, [riskAssessed(f, 5, 4)]);
    const moment = at(reassessed.recordedAt + 30_000);
    // The log has the reassessment; the versions do not yet: the answer is the risk without it.
    expect(await fold.get(f, moment)).toMatchObject({ score: 20 });
    expect(await getAsOf(f, moment)).toEqual(await fold.get(f, at(identified.recordedAt)));
    expect(await asOf.at(moment).list()).toEqual(await fold.list(at(identified.recordedAt)));
    // Once applied, the same question gets the fold's answer.
    await projectBatch(db.dataSource, versions, reassessed.envelopes);
    expect(await getAsOf(f, moment)).toEqual(await fold.get(f, moment));
    expect(await asOf.at(moment).list()).toEqual(await fold.list(moment));
  });

  it('fills the register columns of existing versions (migration) with what the projector writes', async () => {
    const versions = `SELECT * FROM risk_register_versions ORDER BY version_id`;
    const written: unknown[] = await db.dataSource.query(versions);
    expect(written.length).toBeGreaterThan(0);
    const runner = db.dataSource.createQueryRunner();
    try {
      const migration = new RegisterVersionsColumns1732300018400();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await db.dataSource.query(versions)).toEqual(written);
  });

  it('finds risks with every filter compared, at some moment', () => {
    expect(found.size).toBe(FILTERS.length);
    for (const [filter, total] of found)
      expect({ filter, total }).not.toEqual({ filter, total: 0 });
  });
});
