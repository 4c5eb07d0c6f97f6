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
import { summaryOf } from '../risk-register/risk-register-entry';
import { RiskRegisterVersionsProjection } from './risk-register-versions.projection';
import { untilLogSettled } from '../../../../test/support/log-settled';
import { SummariseRegisterVersions1732300018310 } from '../migrations/1732300018310-summarise-register-versions';

const MINUTE = 60_000;
const at = (ms: number) => new Date(ms);

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

  async function expectSameAsFold(moments: readonly number[], riskIds: readonly string[]) {
    for (const moment of moments) {
      const expected = await fold.list(at(moment));
      expect({ moment: at(moment), register: await asOf.list(at(moment)) }).toEqual({
        moment: at(moment),
        register: expected,
      });
      // What the API filters and counts by, and the page it then reads whole (in its order).
      expect(await asOf.summaries(at(moment))).toEqual(expected.map(summaryOf));
      const page = expected.map((e) => e.riskId).reverse();
      expect(await asOf.entries([...page, randomUUID()], at(moment))).toEqual(
        [...expected].reverse(),
      );
      for (const riskId of riskIds) {
        expect(await asOf.get(riskId, at(moment))).toEqual(await fold.get(riskId, at(moment)));
      }
    }
  }

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
    const first = await append('risk', a, [riskIdentified(a), riskAssessed(a, 4, 4)]);
    const second = await append('risk', b, [riskIdentified(b, { area: 'FIRE_SAFETY' })]);
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
    const third = await append('risk', c, [riskIdentified(c)]);
    const reopened = await append('risk', a, [
      { type: 'RiskReopened', data: { riskId: a, reason: 'The office holds medicine again' } },
    ]);
    const linked = await append('incident', incident, [
      {
        type: 'IncidentLinkedToRisk',
        data: { incidentId: incident, riskId: c, relation: 'REVEALED' },
      },
    ]);
    const last = await append('risk', a, [riskAssessed(a, 5, 5)]);
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
    expect(await asOf.list(at(first.recordedAt - 1))).toEqual([]);
    expect(await asOf.get(a, at(between(first)))).toMatchObject({
      score: 16,
      owner: 'ward.manager@region.se',
    });
    expect(await asOf.get(a, at(between(owner)))).toMatchObject({ owner: 'new.owner@region.se' });
    expect(await asOf.get(b, at(acceptedB.recordedAt))).toMatchObject({
      acceptance: { status: 'IN_FORCE' },
    });
    expect(await asOf.get(b, at(between(lapsed)))).toMatchObject({
      acceptance: null,
      pastAcceptances: [{ status: 'LAPSED' }],
    });
    expect(await asOf.get(a, at(between(closed)))).toMatchObject({ status: 'CLOSED', version: 5 });
    expect(await asOf.get(a, at(between(reopened)))).toMatchObject({ status: 'OPEN', score: 8 });
    expect(await asOf.get(c, at(between(third)))).toMatchObject({ linkedIncidents: [] });
    expect(await asOf.get(c, at(between(linked)))).toMatchObject({
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
    expect(await asOf.get(d, at(reported.recordedAt))).toMatchObject({
      reviewReasons: [`incident ${incident} realised the risk`],
    });
    expect(await asOf.get(d, at(reviewed.recordedAt))).toMatchObject({ reviewReasons: [] });
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
    expect(await asOf.get(f, moment)).toEqual(await fold.get(f, at(identified.recordedAt)));
    expect(await asOf.list(moment)).toEqual(await fold.list(at(identified.recordedAt)));
    // Once applied, the same question gets the fold's answer.
    await projectBatch(db.dataSource, versions, reassessed.envelopes);
    expect(await asOf.get(f, moment)).toEqual(await fold.get(f, moment));
    expect(await asOf.list(moment)).toEqual(await fold.list(moment));
  });

  it('fills the summaries of existing versions (migration) with what the projector writes', async () => {
    const summaries = `SELECT version_id, summary FROM risk_register_versions ORDER BY version_id`;
    const written: { summary: unknown }[] = await db.dataSource.query(summaries);
    expect(written.length).toBeGreaterThan(0);
    const runner = db.dataSource.createQueryRunner();
    try {
      const migration = new SummariseRegisterVersions1732300018310();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await db.dataSource.query(summaries)).toEqual(written);
  });
});
