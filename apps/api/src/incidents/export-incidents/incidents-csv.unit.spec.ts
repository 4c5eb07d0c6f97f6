import type { IncidentRegisterEntry } from '@riskledger/read-models';
import { csvCell } from '../../shared/csv';
import { incidentsCsv } from './incidents-csv';

const entry = (change: Partial<IncidentRegisterEntry> = {}): IncidentRegisterEntry => ({
  incidentId: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
  title: 'Medicine room found open',
  description: 'Found open at 03:10',
  kind: 'CARE_INJURY',
  area: 'PHARMACEUTICALS',
  unit: 'Ward 12',
  occurredAt: '2026-11-22T02:10:00.000Z',
  discoveredAt: '2026-11-22T06:50:00.000Z',
  personalDataAffected: null,
  severity: 3,
  immediateActions: null,
  status: 'INVESTIGATED',
  reportedAt: '2026-11-22T07:00:00.000Z',
  reportedBy: 'night.nurse@region.se',
  linkedRisks: [
    { riskId: 'r-1', relation: 'REALISED', linkedAt: '2026-11-22T07:00:00.000Z', linkedBy: 'x' },
    { riskId: 'r-2', relation: null, linkedAt: '2026-11-22T07:00:00.000Z', linkedBy: 'x' },
  ],
  findings: 'Closer broken',
  rootCause: 'No routine',
  investigatedAt: '2026-11-23T07:00:00.000Z',
  investigatedBy: 'inv',
  actions: [
    {
      riskId: 'r-1',
      description: 'Fit a closer',
      mitigationId: null,
      decidedAt: '2026-11-24T07:00:00.000Z',
      decidedBy: 'm',
    },
  ],
  outwardReports: [
    {
      authority: 'IVO',
      reference: 'IVO-1',
      reportedAt: '2026-11-22T09:00:00.000Z',
      recordedAt: '2026-11-22T09:05:00.000Z',
      recordedBy: 'ps',
    },
  ],
  outwardReportsRequired: ['IVO'],
  outwardReportsMissing: [],
  closedAt: null,
  closedBy: null,
  closingSummary: null,
  dismissedAt: null,
  dismissedBy: null,
  dismissalReason: null,
  updatedAt: '2026-11-24T07:00:00.000Z',
  updatedBy: 'm',
  version: 5,
  ...change,
});

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('incidentsCsv', () => {
  it('writes a header and one CRLF-ended row per incident, after a UTF-8 byte order mark', () => {
    const csv = incidentsCsv([entry(), entry({ incidentId: 'other' })]);
    expect(csv.startsWith('\uFEFFincidentId,title,description,kind,area,unit,occurredAt,')).toBe(
      true,
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv)).toHaveLength(4);
    expect(lines(csv)[1]).toBe(
      '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a,Medicine room found open,Found open at 03:10,' +
        'CARE_INJURY,PHARMACEUTICALS,Ward 12,2026-11-22T02:10:00.000Z,3,INVESTIGATED,' +
        '2026-11-22T07:00:00.000Z,night.nurse@region.se,,r-1 REALISED; r-2 NAMED,Closer broken,' +
        'No routine,r-1: Fit a closer,IVO IVO-1 2026-11-22T09:00:00.000Z,,,,,,5',
    );
  });

  it('writes only the header for no incidents', () => {
    expect(lines(incidentsCsv([]))).toEqual([expect.stringMatching(/^incidentId,/), '']);
  });

  it('quotes a cell with a comma, quote or line break, doubling quotes (RFC 4180)', () => {
    const csv = incidentsCsv([entry({ title: 'Door "B", east', description: 'Line 1\r\nLine 2' })]);
    expect(csv).toContain(',"Door ""B"", east","Line 1\r\nLine 2",');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx'])(
    'neutralises the formula %p by prefixing it with an apostrophe',
    (formula) => {
      expect(csvCell(formula).replace(/^"|"$/g, '').startsWith(`'${formula[0]}`)).toBe(true);
    },
  );

  it('leaves ordinary text, numbers and empty cells as they are', () => {
    expect(csvCell('Läkemedel')).toBe('Läkemedel');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a=b')).toBe('a=b');
  });
});
