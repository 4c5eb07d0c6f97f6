import { randomUUID } from 'node:crypto';
import { envelopeOf } from '@riskledger/contracts';
import { EVERYTHING, type DomainEvent, type Visibility } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { project, RiskYearStandings, RiskYearVersionsProjection } from '@riskledger/read-models';
import {
  incidentReported,
  mitigationApplied,
  mitigationPlanned,
  newEvent,
  riskAssessed,
  riskIdentified,
} from '../../../../../test/support/domain-events';
import { goalSet, indicatorMeasured } from '../../../../../test/support/goal-events';
import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import type { Clock } from '../../platform/clock';
import type { ReferenceData } from '../../shared/reference-data';
import { GetAnnualSecurityReportHandler } from './get-annual-security-report.handler';
import { GetAnnualSecurityReportQuery } from './get-annual-security-report.query';

const AREAS = ['PHARMACEUTICALS', 'FIRE_SAFETY', 'IT_SECURITY'];
const NOT_CLEARED: Visibility = { windows: null, cleared: false };
/** 2025 in Swedish time, as the report reads it. */
const YEAR_2025 = {
  from: new Date('2024-12-31T23:00:00Z'),
  yearEnd: new Date('2025-12-31T23:00:00Z'),
};

/**
 * The report with the risks read from their versions (RiskYearStandings) is the report of the
 * fold of the whole log, content and hash, for each year of a log that spans several, for a
 * moment inside a year, for callers cleared and not; and while the versions lack events the log
 * has, the risks they concern are read from the log and the report is still the fold's.
 */
describe('the annual report from the risks’ versions (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let clock = new Date();
  let fromVersions: GetAnnualSecurityReportHandler;
  let fromLog: GetAnnualSecurityReportHandler;
  const projection = new RiskYearVersionsProjection();
  const now = { now: () => new Date('2027-06-01T00:00:00Z') } as Clock;
  const referenceData = { activeAreaCodes: async () => AREAS } as unknown as ReferenceData;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource, () => clock);
    const standings = new RiskYearStandings(db.dataSource);
    // Answered from the versions, or not at all: the fold's way of reading the log fails here.
    const withoutFold = Object.assign(Object.create(store) as PostgresEventStore, {
      readRecordedPages: () => {
        throw new Error('read the whole log');
      },
    });
    fromVersions = new GetAnnualSecurityReportHandler(withoutFold, referenceData, now, standings);
    const none = { of: async () => null } as unknown as RiskYearStandings;
    fromLog = new GetAnnualSecurityReportHandler(store, referenceData, now, none);
  });
  afterAll(() => db?.drop());

  /** Appends at a moment and applies the events to the versions, as the projector does. */
  async function at(
    moment: string,
    streamType: string,
    streamId: string,
    events: DomainEvent[],
    options: { restricted?: boolean; projected?: boolean } = {},
  ) {
    clock = new Date(moment);
    const meta = options.restricted ? { classification: 'RESTRICTED' as const } : {};
    const appended = await store.append(
      streamType,
      streamId,
      await store.streamVersion(streamId),
      events.map((e) => newEvent(e, meta)),
    );
    if (options.projected === false) return appended.events;
    for (const event of appended.events)
      await project(db.dataSource, projection, envelopeOf(event));
    return appended.events;
  }

  const risk = {
    pharmacy: randomUUID(),
    fire: randomUUID(),
    it: randomUUID(),
    secret: randomUUID(),
  };
  const measure = { card: randomUUID(), alarm: randomUUID(), backup: randomUUID() };
  const goal = randomUUID();

  const identified = (riskId: string, area: string, title = 'A risk') =>
    riskIdentified(riskId, { area, title });

  async function writeHistory() {
    await at('2024-03-01T09:00:00Z', 'risk', risk.fire, [
      identified(risk.fire, 'FIRE_SAFETY', 'Blocked escape route'),
      riskAssessed(risk.fire, 3, 4),
    ]);
    await at('2024-05-01T09:00:00Z', 'risk', risk.fire, [
      mitigationPlanned(risk.fire, measure.alarm, { dueDate: '2024-11-30' }),
      riskAssessed(risk.fire, 5, 5, 'TARGET'),
    ]);
    await at('2024-12-31T22:59:59.999Z', 'risk', risk.pharmacy, [
      identified(risk.pharmacy, 'PHARMACEUTICALS', 'Unlocked medicine room'),
    ]);
    await at('2025-01-10T09:00:00Z', 'goal', goal, [goalSet(goal)]);
    await at('2025-02-01T09:00:00Z', 'risk', risk.pharmacy, [riskAssessed(risk.pharmacy, 4, 4)]);
    await at('2025-02-01T09:00:00Z', 'risk', risk.it, [
      identified(risk.it, 'IT_SECURITY', 'Unpatched servers'),
      riskAssessed(risk.it, 2, 3),
      riskAssessed(risk.it, 3, 3),
    ]);
    await at('2025-03-02T09:00:00Z', 'incident', randomUUID(), [
      incidentReported(randomUUID(), [], { area: 'PHARMACEUTICALS', kind: 'NEAR_MISS' }),
    ]);
    await at(
      '2025-04-01T09:00:00Z',
      'risk',
      risk.secret,
      [identified(risk.secret, 'IT_SECURITY', 'Protected site'), riskAssessed(risk.secret, 5, 5)],
      { restricted: true },
    );
    await at('2025-05-01T09:00:00Z', 'risk', risk.fire, [
      { type: 'RiskClosed', data: { riskId: risk.fire, reason: 'Building demolished' } },
    ] as DomainEvent[]);
    await at('2025-06-01T09:00:00Z', 'risk', risk.pharmacy, [
      mitigationPlanned(risk.pharmacy, measure.card, { dueDate: '2025-09-30' }),
      mitigationPlanned(risk.pharmacy, measure.backup, { dueDate: '2026-03-31' }),
    ]);
    await at('2025-06-20T09:00:00Z', 'risk', risk.fire, [
      { type: 'RiskReopened', data: { riskId: risk.fire, reason: 'Demolition postponed' } },
    ] as DomainEvent[]);
    await at('2025-07-01T09:00:00Z', 'goal', goal, [
      indicatorMeasured(goal, randomUUID(), 60, '2025-06-30'),
    ]);
    await at('2025-09-01T09:00:00Z', 'risk', risk.pharmacy, [
      mitigationApplied(risk.pharmacy, measure.card, 'Reader installed'),
      {
        type: 'MitigationVerified',
        data: { riskId: risk.pharmacy, mitigationId: measure.card, effect: 'No entries since' },
      },
    ] as DomainEvent[]);
    // After 2025 ended: changes to its risks, which its report must not show.
    await at('2026-01-20T09:00:00Z', 'goal', goal, [
      indicatorMeasured(goal, randomUUID(), 92, '2025-12-31'),
    ]);
    await at('2026-02-01T09:00:00Z', 'risk', risk.it, [
      riskAssessed(risk.it, 5, 4),
      { type: 'RiskClosed', data: { riskId: risk.it, reason: 'System replaced' } },
    ] as DomainEvent[]);
    await at('2026-02-02T09:00:00Z', 'risk', risk.pharmacy, [
      mitigationApplied(risk.pharmacy, measure.backup),
      riskAssessed(risk.pharmacy, 1, 4),
    ]);
    await at('2026-04-01T09:00:00Z', 'risk', risk.secret, [riskAssessed(risk.secret, 1, 1)], {
      restricted: true,
    });
  }

  beforeAll(writeHistory);

  const cases: [string, number, string | undefined, Visibility][] = [
    ['2024, closed', 2024, undefined, EVERYTHING],
    ['2025, closed', 2025, undefined, EVERYTHING],
    ['2025 as of midsummer', 2025, '2025-06-21T00:00:00Z', EVERYTHING],
    ['2025 for a caller not cleared', 2025, undefined, NOT_CLEARED],
    ['2026, still open', 2026, undefined, EVERYTHING],
    ['2026 as of a moment before it began', 2026, '2025-10-01T00:00:00Z', EVERYTHING],
  ];

  it.each(cases)(
    '%s: the same report and hash as the fold of the log',
    async (_, year, asOf, v) => {
      const query = new GetAnnualSecurityReportQuery(
        year,
        undefined,
        asOf ? new Date(asOf) : undefined,
        v,
      );
      const folded = await fromLog.execute(query);
      expect(await fromVersions.execute(query)).toEqual(folded);
    },
  );

  it('reads the risks as they stood, and leaves out restricted ones for a caller not cleared', async () => {
    const standings = new RiskYearStandings(db.dataSource);
    const risks = await standings.of(YEAR_2025, true);
    expect(risks?.map((r) => r.riskId).sort()).toEqual(Object.values(risk).sort());
    expect(risks?.find((r) => r.riskId === risk.pharmacy)).toMatchObject({
      identifiedInYear: false,
      assessedInYear: true,
      appliedInYear: 1,
      verifiedInYear: 1,
      atYearEnd: { open: true, current: { likelihood: 4, consequence: 4 } },
    });
    expect((await standings.of(YEAR_2025, false))?.map((r) => r.riskId)).not.toContain(risk.secret);
  });

  it('reads the risks the projector is behind on from their streams, with the same answer', async () => {
    const query = new GetAnnualSecurityReportQuery(2025);
    const standings = new RiskYearStandings(db.dataSource);
    const before = await standings.of(YEAR_2025, true);
    // An event of a risk the versions follow, and then a risk they have not met at all.
    const closed = { type: 'RiskClosed', data: { riskId: risk.fire, reason: 'Sold' } };
    await at('2025-10-01T09:00:00Z', 'risk', risk.fire, [closed as DomainEvent], {
      projected: false,
    });
    const late = randomUUID();
    await at(
      '2025-10-02T09:00:00Z',
      'risk',
      late,
      [identified(late, 'IT_SECURITY'), riskAssessed(late, 1, 1)],
      { projected: false },
    );
    const risks = await standings.of(YEAR_2025, true);
    expect(risks?.find((r) => r.riskId === risk.fire)).toMatchObject({
      atYearEnd: { open: false },
      closedInYear: 2,
    });
    expect(risks?.find((r) => r.riskId === late)).toMatchObject({
      identifiedInYear: true,
      assessedInYear: true,
      atYearEnd: { open: true, current: { likelihood: 1, consequence: 1 } },
    });
    expect(risks?.length).toBe(before!.length + 1);

    // Answered without the fold of the whole log (fromVersions cannot read it), as the fold has it.
    const report = await fromVersions.execute(query);
    expect(report).toEqual(await fromLog.execute(query));
    const area = (code: string) => report.areas.find((a) => a.area === code)!;
    expect(area('IT_SECURITY').risks.levelsAtYearEnd.LOW).toBe(1);
    expect(area('FIRE_SAFETY').risks.openAtYearEnd).toBe(0);
  });

  it('folds the whole log for a risk whose stream is irregular, with the same answer', async () => {
    const query = new GetAnnualSecurityReportQuery(2025);
    const standings = new RiskYearStandings(db.dataSource);
    // Recorded earlier than the event before it (a clock set back): "as of" is ambiguous.
    const assessed = riskAssessed(risk.pharmacy, 2, 2);
    await at('2025-08-01T09:00:00Z', 'risk', risk.pharmacy, [assessed], { projected: false });
    expect(await standings.of(YEAR_2025, true)).toBeNull();
    const handler = new GetAnnualSecurityReportHandler(store, referenceData, now, standings);
    expect(await handler.execute(query)).toEqual(await fromLog.execute(query));
  });
});
