import { SEEDED_REPORTING_OBLIGATIONS } from '../reference/reporting-obligation/reporting-obligation';
import type { OutwardAuthority } from './incident.events';
import { hasOpenStages, reportingClock, type IncidentOnTheClock } from './reporting-clock';

const HOUR = 60 * 60 * 1000;
const discoveredAt = '2026-12-03T10:00:00.000Z';
const hoursAfter = (hours: number) => new Date(Date.parse(discoveredAt) + hours * HOUR);
const report = (authority: OutwardAuthority, hours: number) => ({
  authority,
  reportedAt: hoursAfter(hours).toISOString(),
});
const incident = (change: Partial<IncidentOnTheClock> = {}): IncidentOnTheClock => ({
  kind: 'IT_INCIDENT',
  personalDataAffected: null,
  status: 'REPORTED',
  discoveredAt,
  outwardReports: [],
  ...change,
});
const clockAt = (hours: number, change: Partial<IncidentOnTheClock> = {}) =>
  reportingClock(incident(change), SEEDED_REPORTING_OBLIGATIONS, hoursAfter(hours));

describe('the reporting clock', () => {
  it("gives an IT incident MSB's early warning in 24 h and notification in 72 h, from discovery", () => {
    const [msb, ...others] = clockAt(5);
    expect(others).toEqual([]);
    expect(msb).toMatchObject({ code: 'MSB_SIGNIFICANT_IT_INCIDENT', authority: 'MSB' });
    expect(msb.stages).toEqual([
      {
        sv: 'Tidig varning',
        en: 'Early warning',
        withinHours: 24,
        deadline: '2026-12-04T10:00:00.000Z',
        status: 'DUE',
        reportedAt: null,
        late: false,
        msToDeadline: 19 * HOUR,
      },
      expect.objectContaining({
        sv: 'Incidentanmälan',
        deadline: '2026-12-06T10:00:00.000Z',
        status: 'DUE',
        msToDeadline: 67 * HOUR,
      }),
    ]);
  });

  it('says overdue once a deadline has passed without a report, and by how much', () => {
    const [msb] = clockAt(29);
    expect(msb.stages.map((s) => [s.status, s.msToDeadline])).toEqual([
      ['OVERDUE', -5 * HOUR],
      ['DUE', 43 * HOUR],
    ]);
  });

  it('meets the first stage with the first report, the second with the second, late or not', () => {
    const [msb] = clockAt(80, { outwardReports: [report('MSB', 75), report('MSB', 20)] });
    expect(msb.stages.map((s) => [s.status, s.reportedAt, s.late])).toEqual([
      ['MET', hoursAfter(20).toISOString(), false],
      ['MET', hoursAfter(75).toISOString(), true],
    ]);
    expect(hasOpenStages([msb])).toBe(false);
  });

  it('does not count a report to another authority', () => {
    const [msb] = clockAt(2, { outwardReports: [report('POLICE', 1)] });
    expect(msb.stages[0].status).toBe('DUE');
  });

  it('shows "without delay" as due from discovery, never overdue, and met when reported', () => {
    const [av] = clockAt(100, { kind: 'SERIOUS_NEAR_MISS' });
    expect(av).toMatchObject({ authority: 'ARBETSMILJOVERKET' });
    expect(av.stages).toEqual([
      expect.objectContaining({
        withinHours: null,
        deadline: discoveredAt,
        status: 'DUE_NOW',
        msToDeadline: -100 * HOUR,
      }),
    ]);
    const [reported] = clockAt(100, {
      kind: 'CARE_INJURY',
      outwardReports: [report('IVO', 50)],
    });
    expect(reported.stages[0]).toMatchObject({ status: 'MET', late: false });
  });

  it('asks IMY within 72 h only where personal data was affected, whatever the kind', () => {
    expect(clockAt(1, { kind: 'DEVIATION' })).toEqual([]);
    expect(clockAt(1, { kind: 'DEVIATION', personalDataAffected: false })).toEqual([]);
    const both = clockAt(1, { personalDataAffected: true });
    expect(both.map((o) => o.authority)).toEqual(['IMY', 'MSB']);
    expect(both[0].stages[0]).toMatchObject({ deadline: '2026-12-06T10:00:00.000Z' });
  });

  it('owes nothing for a dismissed incident or one of no kind', () => {
    expect(clockAt(1, { status: 'DISMISSED' })).toEqual([]);
    expect(clockAt(1, { kind: null })).toEqual([]);
  });

  it('follows the obligations it is given: a region that changed them', () => {
    const msbIn12 = SEEDED_REPORTING_OBLIGATIONS.map((o) =>
      o.authority === 'MSB'
        ? { ...o, stages: [{ sv: 'Anmälan', en: 'Report', withinHours: 12 }] }
        : o,
    );
    const [msb] = reportingClock(incident(), msbIn12, hoursAfter(13));
    expect(msb.stages).toEqual([
      expect.objectContaining({ status: 'OVERDUE', msToDeadline: -HOUR }),
    ]);
  });
});
