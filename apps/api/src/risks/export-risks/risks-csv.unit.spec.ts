import type { RiskRegisterView } from '@riskledger/read-models';
import { risksCsv } from './risks-csv';

const assessment = (likelihood: number, consequence: number, level: 'LOW' | 'HIGH') => ({
  likelihood,
  consequence,
  score: likelihood * consequence,
  level,
  matrixVersion: 1,
  assessedAt: '2026-11-23T09:00:00.000Z',
  assessedBy: 'anna',
  reason: null,
  warnings: [],
});

const view = (change: Partial<RiskRegisterView> = {}): RiskRegisterView =>
  ({
    riskId: 'r-1',
    title: 'Unlocked medicine room',
    description: 'x',
    scenario: { cause: 'a broken closer', event: 'people enter', consequence: 'theft' },
    threat: null,
    area: 'PHARMACEUTICALS',
    additionalAreas: ['PHYSICAL_SECURITY'],
    unit: 'WARD12',
    owner: 'ward.manager',
    classification: 'OPEN',
    status: 'OPEN',
    likelihood: 4,
    consequence: 4,
    score: 16,
    level: 'HIGH',
    assessments: {
      inherent: assessment(4, 5, 'HIGH'),
      current: assessment(4, 4, 'HIGH'),
      target: assessment(1, 2, 'LOW'),
    },
    mitigations: [
      { status: 'PLANNED' },
      { status: 'IN_PROGRESS' },
      { status: 'VERIFIED' },
      { status: 'CANCELLED' },
    ],
    acceptance: { lapsesOn: '2027-06-30' },
    nextReviewDate: '2027-01-31',
    needsReview: true,
    ...change,
  }) as unknown as RiskRegisterView;

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('risksCsv', () => {
  it('writes a header and one row per risk: levels and scores per basis, open mitigations', () => {
    const csv = risksCsv([view()]);
    expect(csv.startsWith('\uFEFFriskId,title,scenario,areas,unit,owner,status,')).toBe(true);
    expect(lines(csv)[1]).toBe(
      'r-1,Unlocked medicine room,' +
        '"Because of a broken closer, people enter, which leads to theft",' +
        'PHARMACEUTICALS; PHYSICAL_SECURITY,WARD12,ward.manager,OPEN,OPEN,HIGH,20,HIGH,16,LOW,2,' +
        '2027-01-31,true,2027-06-30,2',
    );
  });

  it('leaves what is missing empty, and neutralises formulas', () => {
    const csv = risksCsv([
      view({
        title: '=HYPERLINK("http://evil")',
        scenario: null,
        owner: null,
        assessments: { inherent: null, current: null, target: null },
        likelihood: null,
        consequence: null,
        score: null,
        level: null,
        acceptance: null,
        mitigations: [],
        needsReview: false,
      }),
    ]);
    expect(lines(csv)[1]).toBe(
      `r-1,"'=HYPERLINK(""http://evil"")",,PHARMACEUTICALS; PHYSICAL_SECURITY,WARD12,,OPEN,OPEN,` +
        ',,,,,,2027-01-31,false,,0',
    );
  });
});
