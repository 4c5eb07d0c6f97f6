import { type EventEnvelope } from '@riskledger/contracts';
import {
  envelopeOfEvent,
  metadata,
  mitigationApplied,
  mitigationPlanned,
  riskAssessed,
  riskIdentified,
} from '../../../../test/support/domain-events';
import { nextRiskYearVersion, type RiskYearVersion } from './risk-year-version';

/** Folds envelopes of one risk into its versions, as the projection does. */
function versionsOf(events: { type: string; data: object; at: string; restricted?: boolean }[]) {
  const versions: RiskYearVersion[] = [];
  events.forEach((event, i) => {
    const envelope: EventEnvelope = envelopeOfEvent(event, {
      streamVersion: i + 1,
      position: 10 + i,
      recordedAt: event.at,
      metadata: metadata(event.restricted ? { classification: 'RESTRICTED' } : {}),
    });
    const version = nextRiskYearVersion(versions.at(-1) ?? null, envelope);
    if (version) versions.push(version);
  });
  return versions;
}

describe('a risk as the annual report reads it, version by version', () => {
  it('keeps its standing and running counts after each event the report reads', () => {
    const versions = versionsOf([
      { ...riskIdentified('risk-1', { area: 'IT_SECURITY' }), at: '2025-01-01T09:00:00.000Z' },
      { ...riskAssessed('risk-1', 4, 4), at: '2025-02-01T09:00:00.000Z' },
      { ...riskAssessed('risk-1', 5, 5, 'TARGET'), at: '2025-02-01T09:00:00.000Z' },
      {
        ...mitigationPlanned('risk-1', 'm-1', { dueDate: '2025-06-30' }),
        at: '2025-03-01T09:00:00.000Z',
      },
      { type: 'RiskOwnerAssigned', data: { riskId: 'risk-1' }, at: '2025-03-02T09:00:00.000Z' },
      { ...mitigationApplied('risk-1', 'm-1'), at: '2025-04-01T09:00:00.000Z' },
    ]);

    expect(versions.map((v) => v.streamVersion)).toEqual([1, 2, 3, 4, 6]);
    expect(versions.at(-1)).toMatchObject({
      area: 'IT_SECURITY',
      identifiedAt: '2025-01-01T09:00:00.000Z',
      regular: true,
      assessed: 2,
      applied: 1,
      standing: { open: true, current: { likelihood: 4, consequence: 4 }, pending: new Map() },
    });
    expect(versions[3].standing.pending).toEqual(new Map([['m-1', '2025-06-30']]));
    // Each version is a copy: a later event does not change an earlier version.
    expect(versions[1].standing.current).toMatchObject({ likelihood: 4 });
    expect(versions[1].assessed).toBe(1);
  });

  it('marks a stream irregular for good: recorded out of order, identified twice, or not first', () => {
    const identified = { ...riskIdentified('risk-1'), at: '2025-01-01T09:00:00.000Z' };
    const outOfOrder = versionsOf([
      identified,
      { ...riskAssessed('risk-1', 2, 2), at: '2024-12-01T09:00:00.000Z' },
      { ...riskAssessed('risk-1', 3, 3), at: '2025-05-01T09:00:00.000Z' },
    ]);
    const twice = versionsOf([identified, { ...identified, at: '2025-02-01T09:00:00.000Z' }]);
    const notFirst = versionsOf([
      { ...riskAssessed('risk-1', 2, 2), at: '2024-12-01T09:00:00.000Z' },
      identified,
    ]);

    expect(outOfOrder.map((v) => v.regular)).toEqual([true, false, false]);
    expect(twice.map((v) => v.regular)).toEqual([true, false]);
    expect(notFirst.map((v) => v.regular)).toEqual([false, false]);
  });

  it('records which events are restricted, and whether its identification was', () => {
    const versions = versionsOf([
      { ...riskIdentified('risk-1'), at: '2025-01-01T09:00:00.000Z' },
      { ...riskAssessed('risk-1', 2, 2), at: '2025-02-01T09:00:00.000Z', restricted: true },
    ]);

    expect(versions.map((v) => [v.identifiedRestricted, v.restricted])).toEqual([
      [false, false],
      [false, true],
    ]);
  });
});
