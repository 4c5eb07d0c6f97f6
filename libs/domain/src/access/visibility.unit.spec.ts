import type { Principal } from './principal';
import { visibilityFor } from './visibility';

const principal = (grants: Principal['grants'], cleared = false): Principal => ({
  subject: 'u-1',
  name: 'U',
  grants,
  cleared,
});

describe('visibilityFor', () => {
  it('sees everything through an unscoped grant holding the permission', () => {
    const p = principal([
      { role: 'RISK_OWNER', units: ['SU'], areas: null },
      { role: 'INVESTIGATOR', units: null, areas: null },
    ]);
    expect(visibilityFor(p, ['RISK_OWNER', 'INVESTIGATOR'])).toEqual({
      windows: null,
      cleared: false,
    });
  });

  it('sees only the windows of the grants that hold the permission', () => {
    const p = principal(
      [
        { role: 'RISK_OWNER', units: ['SU'], areas: null },
        { role: 'AREA_RESPONSIBLE', units: null, areas: ['IT_SECURITY'] },
        { role: 'ADMINISTRATOR', units: null, areas: null },
      ],
      true,
    );
    expect(visibilityFor(p, ['RISK_OWNER', 'AREA_RESPONSIBLE'])).toEqual({
      windows: [
        { units: ['SU'], areas: null, reportedBy: null },
        { units: null, areas: ['IT_SECURITY'], reportedBy: null },
      ],
      cleared: true,
    });
  });

  it('limits a reporter to their own reports, and someone without the permission to nothing', () => {
    const reporter = principal([{ role: 'REPORTER', units: null, areas: null }]);
    expect(visibilityFor(reporter, ['REPORTER', 'INVESTIGATOR']).windows).toEqual([
      { units: null, areas: null, reportedBy: 'u-1' },
    ]);
    expect(visibilityFor(reporter, ['INVESTIGATOR']).windows).toEqual([]);
  });
});
