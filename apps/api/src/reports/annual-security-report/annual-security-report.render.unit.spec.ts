import { envelopeOfEvent } from '../../../../../test/support/domain-events';
import { goalSet, indicatorMeasured } from '../../../../../test/support/goal-events';
import { annualSecurityReport } from './annual-security-report';
import { annualReportCsv, annualReportMarkdown } from './annual-security-report.render';

const events = [
  envelopeOfEvent(goalSet('g1', { text: 'Staff trained, "all of them", | everyone' }), {
    streamType: 'goal',
    streamId: 'g1',
    position: 1,
    recordedAt: '2025-01-20T09:00:00.000Z',
  }),
  envelopeOfEvent(indicatorMeasured('g1', 'm1', 80, '2025-12-31'), {
    streamType: 'goal',
    streamId: 'g1',
    streamVersion: 2,
    position: 2,
    recordedAt: '2026-01-20T09:00:00.000Z',
  }),
  envelopeOfEvent(
    {
      type: 'IncidentReported',
      data: { incidentId: 'i1', area: 'FIRE_SAFETY', kind: 'NEAR_MISS' },
    },
    { streamType: 'incident', streamId: 'i1', position: 3, recordedAt: '2025-05-01T09:00:00.000Z' },
  ),
];
const report = annualSecurityReport(events, {
  year: 2025,
  asOf: new Date('2026-02-01T00:00:00Z'),
  activeAreas: ['FIRE_SAFETY', 'IT_SECURITY'],
});

describe('annualReportCsv', () => {
  it('writes a header and one row per area', () => {
    const [header, fire, it, end] = annualReportCsv(report).split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['year', 'area', 'goals_total', 'goals_met']);
    expect(header).toContain('incidents_near_miss');
    const row = Object.fromEntries(header.split(',').map((name, i) => [name, fire.split(',')[i]]));
    expect(row).toMatchObject({
      year: '2025',
      area: 'FIRE_SAFETY',
      goals_total: '1',
      goals_partly_met: '1',
      incidents_reported: '1',
      incidents_near_miss: '1',
      risks_at_year_end_not_assessed: '0',
    });
    expect(it.startsWith('2025,IT_SECURITY,0,')).toBe(true);
    expect(end).toBe('');
  });
});

describe('annualReportMarkdown', () => {
  it('gives each area its goals, risk analyses, incidents and follow-up', () => {
    const text = annualReportMarkdown(report);
    expect(text).toContain('# Annual security report 2025');
    expect(text).toContain('as recorded up to 2026-02-01T00:00:00.000Z (log position 3)');
    expect(text).toContain('## FIRE_SAFETY');
    expect(text).toContain(
      '| Staff trained, "all of them", \\| everyone | Share of staff who completed the fire safety course | ≥ 90 % | 80 (2025-12-31) | PARTLY_MET |',
    );
    expect(text).toContain('1 reported: NEAR_MISS 1.');
    expect(text).toContain('## IT_SECURITY');
    expect(text).toContain('No goals were set for the year.');
  });
});
