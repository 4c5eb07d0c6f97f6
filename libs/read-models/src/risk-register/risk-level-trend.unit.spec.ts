import type { EventFacts } from '@riskledger/event-store';
import { openRisksByLevel } from './risk-level-trend';

const fact = (
  position: number,
  streamId: string,
  at: string,
  type: string,
  data: Record<string, unknown> = {},
): EventFacts => ({
  position,
  streamId,
  type,
  schemaVersion: 2,
  data,
  recordedAt: new Date(at),
});

const none = { LOW: 0, MEDIUM: 0, HIGH: 0, VERY_HIGH: 0, open: 0 };

describe('open risks by level over time', () => {
  const moments = ['2026-01-31T23:00:00Z', '2026-02-28T23:00:00Z', '2026-03-31T22:00:00Z'].map(
    (m) => new Date(m),
  );

  it('counts a risk from its identification, at its current level, else its inherent one', () => {
    const events = [
      fact(1, 'a', '2026-01-10T00:00:00Z', 'RiskIdentified'),
      fact(2, 'a', '2026-02-10T00:00:00Z', 'RiskAssessed', { basis: 'INHERENT', level: 'HIGH' }),
      fact(3, 'a', '2026-03-10T00:00:00Z', 'RiskAssessed', { basis: 'TARGET', level: 'LOW' }),
      fact(4, 'b', '2026-02-10T00:00:00Z', 'RiskIdentified'),
      fact(5, 'b', '2026-02-10T00:00:00Z', 'RiskAssessed', { basis: 'INHERENT', level: 'HIGH' }),
      fact(6, 'b', '2026-03-10T00:00:00Z', 'RiskAssessed', { basis: 'CURRENT', level: 'LOW' }),
    ];
    expect(openRisksByLevel(events, moments)).toEqual([
      { ...none, open: 1 },
      { ...none, HIGH: 2, open: 2 },
      { ...none, HIGH: 1, LOW: 1, open: 2 },
    ]);
  });

  it('leaves a closed risk out until it is reopened; an event at the moment counts', () => {
    const events = [
      fact(1, 'a', '2026-01-10T00:00:00Z', 'RiskIdentified'),
      fact(2, 'a', '2026-01-31T23:00:00Z', 'RiskClosed'),
      fact(3, 'a', '2026-03-01T00:00:00Z', 'RiskReopened'),
    ];
    expect(openRisksByLevel(events, moments)).toEqual([none, none, { ...none, open: 1 }]);
  });

  it('lets the later position win where two writers recorded times out of order', () => {
    const events = [
      fact(1, 'a', '2026-01-10T00:00:00Z', 'RiskIdentified'),
      fact(3, 'a', '2026-01-20T00:00:00Z', 'RiskAssessed', { basis: 'CURRENT', level: 'LOW' }),
      fact(2, 'a', '2026-01-21T00:00:00Z', 'RiskAssessed', { basis: 'CURRENT', level: 'HIGH' }),
    ];
    expect(openRisksByLevel(events, moments)[0]).toEqual({ ...none, LOW: 1, open: 1 });
  });
});
