import { envelopeOfEvent, metadata } from '../../../../../test/support/domain-events';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  goalRevised,
  goalSet,
  goalWithdrawn,
  indicatorMeasured,
} from '../../../../../test/support/goal-events';
import { measurementWindow } from '@riskledger/domain';
import { calendarDayInSweden } from '../../platform/clock';
import { annualSecurityReport, type AreaReport } from './annual-security-report';
import { reportClosesAt } from './report-year';

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
    incident: (id: string, at: string, area: string, kind: string | null, severity?: number) =>
      add('incident', id, at, {
        type: 'IncidentReported',
        data: { incidentId: id, area, kind, ...(severity ? { severity } : {}) },
      }),
    incidentEvent: (id: string, at: string, type: string, data: object = {}) =>
      add('incident', id, at, { type, data: { incidentId: id, ...data } }),
    goal: (id: string, at: string, event: { type: string; data: object }) =>
      add('goal', id, at, event),
  };
}

const assessed = (level: string, basis?: string) => ({ level, ...(basis ? { basis } : {}) });
const report = (events: EventEnvelope[], asOf = '2026-06-01T00:00:00Z', area?: string) =>
  annualSecurityReport(events, { year: 2025, asOf: new Date(asOf), activeAreas: AREAS, area });
const NO_RISKS = {
  openAtYearEnd: 0,
  levelsAtYearEnd: { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, NOT_ASSESSED: 0 },
  matrixAtYearEnd: [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]),
};
const areaOf = (areas: AreaReport[], area: string) => areas.find((a) => a.area === area)!;

describe('annualSecurityReport', () => {
  it('lists every area in use, in order, even without anything to report', () => {
    const result = report([]);
    expect(result).toMatchObject({
      year: 2025,
      period: { from: '2024-12-31T23:00:00.000Z', until: '2025-12-31T23:00:00.000Z' },
      asOf: '2026-06-01T00:00:00.000Z',
      lastPosition: 0,
      final: true,
    });
    expect(result.areas.map((a) => a.area)).toEqual(AREAS);
    expect(result.areas[0]).toEqual({
      area: 'FIRE_SAFETY',
      goals: { total: 0, met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, withdrawn: 0, items: [] },
      risks: {
        identified: 0,
        assessed: 0,
        closed: 0,
        ...NO_RISKS,
        previousYearEnd: NO_RISKS,
        highest: [],
      },
      incidents: {
        reported: 0,
        reportedPreviousYear: 0,
        bySeverity: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, NOT_RECORDED: 0 },
        byKindAndSeverity: [],
        outwardReports: { ARBETSMILJOVERKET: 0, IVO: 0, IMY: 0, MSB: 0, POLICE: 0, OTHER: 0 },
        outwardReportsMissing: 0,
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
      mitigations: { applied: 0, verified: 0, overdueAtYearEnd: 0 },
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

    expect(areaOf(areas, 'PHARMACEUTICALS').risks).toMatchObject({
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

    expect(areaOf(areas, 'PHARMACEUTICALS').incidents).toMatchObject({
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
      overdueAtYearEnd: 0,
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

  it('gives the risk profile at year end and the year before: matrix, highest, overdue', () => {
    const l = log();
    const scored = (likelihood: number, consequence: number, level: string) => ({
      likelihood,
      consequence,
      score: likelihood * consequence,
      level,
    });
    l.risk('a', '2024-06-01T10:00:00Z', 'RiskIdentified', {
      area: 'IT_SECURITY',
      title: 'Ransomware',
    });
    l.risk('a', '2024-06-01T10:00:00Z', 'RiskAssessed', scored(3, 3, 'MEDIUM'));
    l.risk('a', '2025-06-01T10:00:00Z', 'RiskAssessed', scored(4, 4, 'HIGH'));
    l.risk('b', '2025-02-01T10:00:00Z', 'RiskIdentified', { area: 'IT_SECURITY', title: 'Outage' });
    l.risk('b', '2025-02-01T10:00:00Z', 'RiskAssessed', scored(5, 5, 'VERY_HIGH'));
    l.risk('b', '2025-02-02T10:00:00Z', 'MitigationPlanned', {
      mitigationId: 'late',
      dueDate: '2025-10-01',
    });
    l.risk('b', '2025-02-02T10:00:00Z', 'MitigationPlanned', {
      mitigationId: 'done',
      dueDate: '2025-11-01',
    });
    l.risk('b', '2025-02-02T10:00:00Z', 'MitigationPlanned', {
      mitigationId: 'next',
      dueDate: '2026-02-01',
    });
    l.risk('b', '2025-10-20T10:00:00Z', 'MitigationApplied', { mitigationId: 'done' });
    l.risk('c', '2024-03-01T10:00:00Z', 'RiskIdentified', { area: 'IT_SECURITY', title: 'Old' });
    l.risk('c', '2024-03-01T10:00:00Z', 'RiskAssessed', scored(2, 2, 'LOW'));
    l.risk('c', '2025-05-01T10:00:00Z', 'RiskClosed');

    const risks = areaOf(report(l.events).areas, 'IT_SECURITY').risks;

    expect(risks.matrixAtYearEnd[3][3]).toBe(1);
    expect(risks.matrixAtYearEnd[4][4]).toBe(1);
    expect(risks.matrixAtYearEnd.flat().reduce((a, b) => a + b)).toBe(2);
    expect(risks.previousYearEnd).toMatchObject({
      openAtYearEnd: 2,
      levelsAtYearEnd: { MEDIUM: 1, LOW: 1, HIGH: 0 },
    });
    expect(risks.previousYearEnd.matrixAtYearEnd[2][2]).toBe(1);
    expect(risks.highest.map((r) => [r.title, r.score, r.level])).toEqual([
      ['Outage', 25, 'VERY_HIGH'],
      ['Ransomware', 16, 'HIGH'],
    ]);
    expect(areaOf(report(l.events).areas, 'IT_SECURITY').mitigations.overdueAtYearEnd).toBe(1);
  });

  it('counts incidents by severity and kind, and the reports to authorities made and missing', () => {
    const l = log();
    l.incident('care', '2025-03-10T03:00:00Z', 'PATIENT_SAFETY', 'CARE_INJURY', 3);
    l.incidentEvent('care', '2025-03-12T03:00:00Z', 'IncidentReportedToAuthority', {
      authority: 'IVO',
    });
    l.incident('it', '2025-04-10T03:00:00Z', 'PATIENT_SAFETY', 'IT_INCIDENT', 2);
    l.incident('dismissed', '2025-04-11T03:00:00Z', 'PATIENT_SAFETY', 'SERIOUS_NEAR_MISS', 2);
    l.incidentEvent('dismissed', '2025-04-12T03:00:00Z', 'IncidentDismissed', { reason: 'No' });
    l.incident('old', '2024-05-10T03:00:00Z', 'PATIENT_SAFETY', 'DEVIATION', 1);

    const incidents = areaOf(
      annualSecurityReport(l.events, {
        year: 2025,
        asOf: new Date('2026-06-01T00:00:00Z'),
        activeAreas: ['PATIENT_SAFETY'],
      }).areas,
      'PATIENT_SAFETY',
    ).incidents;

    expect(incidents).toMatchObject({
      reported: 3,
      reportedPreviousYear: 1,
      bySeverity: { '2': 2, '3': 1, '1': 0 },
      outwardReports: { IVO: 1, MSB: 0 },
      // The IT incident was not reported to MSB; the dismissed serious near miss needs no report.
      outwardReportsMissing: 1,
    });
    expect(incidents.byKindAndSeverity).toEqual(
      expect.arrayContaining([
        { kind: 'CARE_INJURY', severity: '3', count: 1 },
        { kind: 'IT_INCIDENT', severity: '2', count: 1 },
        { kind: 'SERIOUS_NEAR_MISS', severity: '2', count: 1 },
      ]),
    );
  });

  it('is final once the year has closed, at the end of the first quarter after it', () => {
    expect(report([], '2026-03-31T21:59:59Z').final).toBe(false);
    expect(report([], '2026-03-31T22:00:00Z').final).toBe(true);
    // The last moment before closing is on the last day of the goals' measurement window.
    const lastMoment = new Date(reportClosesAt(2025).getTime() - 1);
    expect(calendarDayInSweden(lastMoment)).toBe(measurementWindow(2025).to);
  });
});
