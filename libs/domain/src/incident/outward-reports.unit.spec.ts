import { INCIDENT_KINDS } from './incident.events';
import {
  mustBeInvestigated,
  OUTWARD_REPORTS_REQUIRED,
  outwardReportsMissing,
  outwardReportsRequired,
} from './outward-reports';

describe('outward reports a kind of incident requires', () => {
  it.each([
    ['SERIOUS_NEAR_MISS', ['ARBETSMILJOVERKET']],
    ['CARE_INJURY', ['IVO']],
    ['IT_INCIDENT', ['MSB']],
    ['DEFICIENCY', []],
    ['DEVIATION', []],
    ['NEAR_MISS', []],
    ['ACCIDENT', []],
  ] as const)('a %s requires %j', (kind, authorities) => {
    expect(outwardReportsRequired(kind)).toEqual(authorities);
  });

  it('says for every kind', () => {
    expect(Object.keys(OUTWARD_REPORTS_REQUIRED).sort()).toEqual([...INCIDENT_KINDS].sort());
  });

  it('requires nothing of a report from before kinds were recorded', () => {
    expect(outwardReportsRequired(null)).toEqual([]);
  });

  it('lists what is still missing; a report elsewhere does not count', () => {
    expect(outwardReportsMissing('CARE_INJURY', [])).toEqual(['IVO']);
    expect(outwardReportsMissing('CARE_INJURY', ['POLICE', 'IMY'])).toEqual(['IVO']);
    expect(outwardReportsMissing('CARE_INJURY', ['IVO'])).toEqual([]);
    expect(outwardReportsMissing('DEVIATION', [])).toEqual([]);
  });
});

describe('kinds that must be investigated before closing', () => {
  it.each([
    ['SERIOUS_NEAR_MISS', true],
    ['ACCIDENT', true],
    ['CARE_INJURY', true],
    ['DEFICIENCY', false],
    ['DEVIATION', false],
    ['NEAR_MISS', false],
    ['IT_INCIDENT', false],
    [null, false],
  ] as const)('%s: %s', (kind, must) => {
    expect(mustBeInvestigated(kind)).toBe(must);
  });
});
