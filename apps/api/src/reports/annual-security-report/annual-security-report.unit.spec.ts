import { envelopeOfEvent, metadata } from '../../../../../test/support/domain-events';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  goalRevised,
  goalSet,
  goalWithdrawn,
  indicatorMeasured,
} from '../../../../../test/support/goal-events';
import { annualSecurityReport, type AreaReport } from './annual-security-report';

const AREAS = ['FIRE_SAFETY', 'PHARMACEUTICALS', 'IT_SECURITY'];

/** A log built in order: each event gets the next position and the stream's next version. */
function log() {
  const events: EventEnvelope[] = [];
  const versions = new Map<string, number>();
  const add = (
    streamType: string,
    streamId: string,
    recordedAt: string,
    event: { type: string; data: object },
  ) => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    events.push(
      envelopeOfEvent(event, {
        streamType,
        streamId,
        streamVersion,
        position: events.length + 1,
        recordedAt,
        metadata: metadata(),
      }),
    );
  };
  return {
    events,
    risk: (id: string, at: string, type: string, data: object = {}) =>
      add('risk', id, at, { type, data: { riskId: id, ...data } }),
    incident: (id: string, at: string, area: string, kind: string | null) =>
      add('incident', id, at, { type: 'IncidentReported', data: { incidentId: id, area, kind } }),
    goal: (id: string, at: string, event: { type: string; data: object }) =>
      add('goal', id, at, event),
  };
}

const assessed = (level: string, basis?: string) => ({ level, ...(basis ? { basis } : {}) });
const report = (events: EventEnvelope[], asOf = '2026-06-01T00:00:00Z', area?: string) =>
  annualSecurityReport(events, { year: 2025, asOf: new Date(asOf), activeAreas: AREAS, area });
const areaOf = (areas: AreaReport[], area: string) => areas.find((a) => a.area === area)!;

describe('annualSecurityReport', () => {
  it('lists every area in use, in order, even without anything to report', () => {
    const result = report([]);
    expect(result).toMatchObject({
      year: 2025,
      period: { from: '2024-12-31T23:00:00.000Z', until: '2025-12-31T23:00:00.000Z' },
      asOf: '2026-06-01T00:00:00.000Z',
      lastPosition: 0,
    });
    expect(result.areas.map((a) => a.area)).toEqual(AREAS);
    expect(result.areas[0]).toEqual({
      area: 'FIRE_SAFETY',
      goals: { total: 0, met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, withdrawn: 0, items: [] },
      risks: {
        identified: 0,
        assessed: 0,
        closed: 0,
        openAtYearEnd: 0,
        levelsAtYearEnd: { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, NOT_ASSESSED: 0 },
      },
      incidents: {
        reported: 0,
        byKind: {
          DEFICIENCY: 0,
          DEVIATION: 0,
          NEAR_MISS: 0,
          SERIOUS_NEAR_MISS: 0,
          ACCIDENT: 0,
          CARE_INJURY: 0,
          IT_INCIDENT: 0,
          NOT_RECORDED: 0,
        },
      },
      mitigations: { applied: 0, verified: 0 },
    });
  });

  it('counts risks identified, assessed and closed in the Swedish year, and levels at its end', () => {
    const l = log();
    // Identified the year before, still open: counted at year end, not as identified in the year.
    l.risk('old', '2024-11-01T10:00:00Z', 'RiskIdentified', { area: 'PHARMACEUTICALS' });
    l.risk('old', '2024-11-01T10:00:00Z', 'RiskAssessed', assessed('HIGH'));
    l.risk('old', '2025-05-01T10:00:00Z', 'RiskAssessed', assessed('MEDIUM'));
    l.risk('old', '2025-06-01T10:00:00Z', 'RiskAssessed', assessed('LOW', 'TARGET'));
    // 23:30 UTC on 31 December 2024 is already New Year's Day in Sweden.
    l.risk('new', '2024-12-31T23:30:00Z', 'RiskIdentified', { area: 'PHARMACEUTICALS' });
    l.risk('new', '2025-02-01T10:00:00Z', 'RiskAssessed', assessed('VERY_HIGH', 'INHERENT'));
    l.risk('closed', '2025-03-01T10:00:00Z', 'RiskIdentified', { area: 'PHARMACEUTICALS' });
    l.risk('closed', '2025-03-01T10:00:00Z', 'RiskAssessed', assessed('LOW'));
    l.risk('closed', '2025-09-01T10:00:00Z', 'RiskClosed', { reason: 'Ward closed' });
    // Closed after the year's end: still open at year end; its closing belongs to next year.
    l.risk('late', '2025-04-01T10:00:00Z', 'RiskIdentified', { area: 'IT_SECURITY' });
    l.risk('late', '2025-12-31T22:59:59Z', 'RiskAssessed', assessed('HIGH'));
    l.risk('late', '2025-12-31T23:00:00Z', 'RiskClosed', { reason: 'Next year' });

    const { areas } = report(l.events);

    expect(areaOf(areas, 'PHARMACEUTICALS').risks).toEqual({
      identified: 2,
      assessed: 3,
      closed: 1,
      openAtYearEnd: 2,
      levelsAtYearEnd: { LOW: 0, MEDIUM: 1, HIGH: 0, VERY_HIGH: 0, NOT_ASSESSED: 1 },
    });
    expect(areaOf(areas, 'IT_SECURITY').risks).toMatchObject({
      identified: 1,
      assessed: 1,
      closed: 0,
      openAtYearEnd: 1,
      levelsAtYearEnd: { HIGH: 1 },
    });
  });

  it('counts a reopened risk as open at year end', () => {
    const l = log();
    l.risk('r', '2025-01-10T10:00:00Z', 'RiskIdentified', { area: 'FIRE_SAFETY' });
    l.risk('r', '2025-02-10T10:00:00Z', 'RiskClosed');
    l.risk('r', '2025-03-10T10:00:00Z', 'RiskReopened');
    expect(areaOf(report(l.events).areas, 'FIRE_SAFETY').risks).toMatchObject({
      closed: 1,
      openAtYearEnd: 1,
      levelsAtYearEnd: { NOT_ASSESSED: 1 },
    });
  });

  it('counts incidents reported in the year by kind, old reports without a kind as NOT_RECORDED', () => {
    const l = log();
    l.incident('i1', '2025-03-10T03:00:00Z', 'PHARMACEUTICALS', 'DEVIATION');
    l.incident('i2', '2025-04-10T03:00:00Z', 'PHARMACEUTICALS', 'DEVIATION');
    l.incident('i3', '2025-05-10T03:00:00Z', 'PHARMACEUTICALS', null);
    l.incident('i4', '2025-05-10T03:00:00Z', 'IT_SECURITY', 'IT_INCIDENT');
    l.incident('before', '2024-12-31T22:00:00Z', 'PHARMACEUTICALS', 'ACCIDENT');
    l.incident('after', '2026-01-02T10:00:00Z', 'PHARMACEUTICALS', 'ACCIDENT');

    const { areas } = report(l.events);

    expect(areaOf(areas, 'PHARMACEUTICALS').incidents).toEqual({
      reported: 3,
      byKind: expect.objectContaining({ DEVIATION: 2, NOT_RECORDED: 1, ACCIDENT: 0 }),
    });
    expect(areaOf(areas, 'IT_SECURITY').incidents.byKind.IT_INCIDENT).toBe(1);
  });

  it('counts mitigations applied and verified in the year, in the area of their risk', () => {
    const l = log();
    l.risk('r', '2024-10-01T10:00:00Z', 'RiskIdentified', { area: 'FIRE_SAFETY' });
    l.risk('r', '2024-12-01T10:00:00Z', 'MitigationApplied', { mitigationId: 'm0' });
    l.risk('r', '2025-02-01T10:00:00Z', 'MitigationApplied', { mitigationId: 'm1' });
    l.risk('r', '2025-03-01T10:00:00Z', 'MitigationApplied', { mitigationId: 'm2' });
    l.risk('r', '2025-06-01T10:00:00Z', 'MitigationVerified', { mitigationId: 'm1' });
    l.risk('r', '2026-02-01T10:00:00Z', 'MitigationVerified', { mitigationId: 'm2' });
    expect(areaOf(report(l.events).areas, 'FIRE_SAFETY').mitigations).toEqual({
      applied: 2,
      verified: 1,
    });
  });

  it('reports the goals of the year with fulfilment, revisions and withdrawals', () => {
    const l = log();
    l.goal('g1', '2025-01-20T09:00:00Z', goalSet('g1'));
    l.goal('g1', '2025-07-01T09:00:00Z', indicatorMeasured('g1', 'm1', 60, '2025-06-30'));
    l.goal('g1', '2025-08-01T09:00:00Z', goalRevised('g1', 80, 60, 'Reorganisation'));
    l.goal('g1', '2026-01-15T09:00:00Z', indicatorMeasured('g1', 'm2', 70, '2025-12-31'));
    l.goal(
      'g2',
      '2025-01-20T09:00:00Z',
      goalSet('g2', {
        targetValue: 2,
        direction: 'AT_MOST',
        partlyMetFrom: null,
        measurementUnit: 'fires',
      }),
    );
    l.goal('g2', '2026-01-15T09:00:00Z', indicatorMeasured('g2', 'm3', 1, '2025-12-31'));
    l.goal('g3', '2025-01-20T09:00:00Z', goalSet('g3'));
    l.goal('g4', '2025-01-20T09:00:00Z', goalSet('g4'));
    l.goal('g4', '2025-03-20T09:00:00Z', goalWithdrawn('g4', 'Replaced by drills'));
    l.goal('other-year', '2025-01-20T09:00:00Z', goalSet('other-year', { year: 2026 }));

    const goals = areaOf(report(l.events).areas, 'FIRE_SAFETY').goals;

    expect(goals).toMatchObject({
      total: 4,
      met: 1,
      partlyMet: 1,
      notMet: 0,
      notMeasured: 1,
      withdrawn: 1,
    });
    expect(goals.items.map((g) => [g.goalId, g.fulfilment, g.latestValue])).toEqual([
      ['g1', 'PARTLY_MET', 70],
      ['g2', 'MET', 1],
      ['g3', 'NOT_MEASURED', null],
      ['g4', 'NOT_MEASURED', null],
    ]);
    expect(goals.items[0]).toMatchObject({
      targetValue: 80,
      latestMeasuredOn: '2025-12-31',
      revisions: [{ targetValue: 80, previousTargetValue: 90, reason: 'Reorganisation' }],
    });
    expect(goals.items[3]).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnReason: 'Replaced by drills',
    });
  });

  it('reads the goals as recorded up to asOf, so a past report can be regenerated exactly', () => {
    const l = log();
    l.goal('g1', '2025-01-20T09:00:00Z', goalSet('g1'));
    l.goal('g1', '2025-07-01T09:00:00Z', indicatorMeasured('g1', 'm1', 60, '2025-06-30'));
    const asPublished = report(l.events, '2026-02-01T00:00:00Z');
    l.goal('g1', '2026-03-01T09:00:00Z', indicatorMeasured('g1', 'm2', 95, '2025-12-31'));
    // The handler gives only what was recorded up to asOf: the later measurement is left out.
    const regenerated = report(
      l.events.filter((e) => e.recordedAt <= '2026-02-01T00:00:00Z'),
      '2026-02-01T00:00:00Z',
    );
    expect(regenerated).toEqual(asPublished);
    expect(areaOf(report(l.events).areas, 'FIRE_SAFETY').goals.met).toBe(1);
  });

  it('covers only what was recorded by asOf while the year is still running', () => {
    const l = log();
    l.risk('r', '2025-03-01T10:00:00Z', 'RiskIdentified', { area: 'FIRE_SAFETY' });
    l.risk('r', '2025-09-01T10:00:00Z', 'RiskClosed');
    const midYear = report(l.events, '2025-06-01T00:00:00Z');
    expect(areaOf(midYear.areas, 'FIRE_SAFETY').risks).toMatchObject({
      identified: 1,
      closed: 0,
      openAtYearEnd: 1,
    });
  });

  it('keeps one area when asked, also a retired one that only the log names', () => {
    const l = log();
    l.risk('r', '2025-03-01T10:00:00Z', 'RiskIdentified', { area: 'OLD_AREA' });
    expect(report(l.events, undefined, 'PHARMACEUTICALS').areas.map((a) => a.area)).toEqual([
      'PHARMACEUTICALS',
    ]);
    expect(report(l.events, undefined, 'OLD_AREA').areas).toMatchObject([
      { area: 'OLD_AREA', risks: { identified: 1 } },
    ]);
  });

  it('skips event types it does not know', () => {
    const l = log();
    l.risk('r', '2025-03-01T10:00:00Z', 'RiskIdentified', { area: 'FIRE_SAFETY' });
    l.risk('r', '2025-03-02T10:00:00Z', 'RiskArchived');
    l.goal('x', '2025-03-02T10:00:00Z', { type: 'GoalArchived', data: {} });
    const area = areaOf(report(l.events).areas, 'FIRE_SAFETY');
    expect(area.risks).toMatchObject({ identified: 1, openAtYearEnd: 1 });
    expect(area.goals.total).toBe(0);
  });
});
