import { grantClaim, grantOf, grantsOf } from './grant-claims';

describe('grant claims', () => {
  it.each([
    ['INVESTIGATOR', { role: 'INVESTIGATOR', units: null, areas: null }],
    ['RISK_OWNER:unit=SU,SU-ONK', { role: 'RISK_OWNER', units: ['SU', 'SU-ONK'], areas: null }],
    [
      'AREA_RESPONSIBLE:area=IT_SECURITY',
      { role: 'AREA_RESPONSIBLE', units: null, areas: ['IT_SECURITY'] },
    ],
    [
      'REPORTER:unit=VGR;area=FIRE_SAFETY',
      { role: 'REPORTER', units: ['VGR'], areas: ['FIRE_SAFETY'] },
    ],
  ])('reads %p', (claim, grant) => {
    expect(grantOf(claim)).toEqual(grant);
    expect(grantClaim(grant as never)).toBe(claim);
  });

  it.each(['Other.App.Role', 'RISK_OWNER:building=7', 'risk_owner', ''])(
    'skips %p, which is not a riskledger grant',
    (claim) => {
      expect(grantOf(claim)).toBeNull();
    },
  );

  it('reads a list, or a space-separated string, and ignores non-strings', () => {
    expect(grantsOf(['INVESTIGATOR', 42, 'Other'])).toHaveLength(1);
    expect(grantsOf('INVESTIGATOR REPORTER')).toHaveLength(2);
    expect(grantsOf(undefined)).toEqual([]);
  });
});
