import { envelopeOfEvent, metadata } from '../../../../test/support/domain-events';
import { type EventEnvelope } from '@riskledger/contracts';
import {
  goalRevised,
  goalSet,
  goalWithdrawn,
  indicatorMeasured,
} from '../../../../test/support/goal-events';
import type { GoalRegisterEntry } from './goal-register-entry';
import { evolveGoalRegisterEntry } from './goal-register.evolve';

const GOAL = 'goal-3';
const SET_AT = '2025-01-20T09:00:00.000Z';

/** The goal stream's n-th event, recorded at `recordedAt` by `actor`. */
function at(
  streamVersion: number,
  recordedAt: string,
  event: { type: string; data: object },
  actor = 'fire.safety.lead@region.se',
): EventEnvelope {
  return envelopeOfEvent(event, {
    streamType: 'goal',
    streamId: GOAL,
    streamVersion,
    position: 200 + streamVersion,
    recordedAt,
    metadata: metadata({ actor }),
  });
}

const fold = (envelopes: EventEnvelope[]) =>
  envelopes.reduce<GoalRegisterEntry | null>(evolveGoalRegisterEntry, null);

const set = at(1, SET_AT, goalSet(GOAL), 'security.chief@region.se');
const june = at(2, '2025-07-01T08:00:00.000Z', indicatorMeasured(GOAL, 'm-1', 62, '2025-06-30'));
const december = at(
  3,
  '2026-01-10T08:00:00.000Z',
  indicatorMeasured(GOAL, 'm-2', 91, '2025-12-31', 'Year-end figure from the learning platform'),
);

describe('evolveGoalRegisterEntry', () => {
  it('makes an active, unmeasured entry from SecurityGoalSet', () => {
    expect(evolveGoalRegisterEntry(null, set)).toEqual<GoalRegisterEntry>({
      goalId: GOAL,
      area: 'FIRE_SAFETY',
      year: 2025,
      text: 'All staff know how to act when the fire alarm sounds',
      indicator: 'Share of staff who completed the fire safety course',
      targetValue: 90,
      measurementUnit: '%',
      direction: 'AT_LEAST',
      partlyMetFrom: 75,
      status: 'ACTIVE',
      withdrawnReason: null,
      withdrawnAt: null,
      measurements: [],
      revisions: [],
      latestMeasurement: null,
      fulfilment: 'NOT_MEASURED',
      setAt: SET_AT,
      setBy: 'security.chief@region.se',
      updatedAt: SET_AT,
      updatedBy: 'security.chief@region.se',
      version: 1,
    });
  });

  it('adds each measurement and reads the fulfilment from the latest day', () => {
    const afterJune = fold([set, june]);
    expect(afterJune).toMatchObject({ fulfilment: 'NOT_MET', version: 2 });
    const afterDecember = fold([set, june, december]);
    expect(afterDecember?.measurements.map((m) => [m.measurementId, m.value])).toEqual([
      ['m-1', 62],
      ['m-2', 91],
    ]);
    expect(afterDecember?.latestMeasurement).toEqual({
      measurementId: 'm-2',
      value: 91,
      measuredOn: '2025-12-31',
      note: 'Year-end figure from the learning platform',
      recordedAt: '2026-01-10T08:00:00.000Z',
      recordedBy: 'fire.safety.lead@region.se',
    });
    expect(afterDecember?.fulfilment).toBe('MET');
  });

  it('keeps the latest day when an earlier day is recorded late', () => {
    const lateMarch = at(
      4,
      '2026-01-11T08:00:00.000Z',
      indicatorMeasured(GOAL, 'm-3', 40, '2025-03-31'),
    );
    const entry = fold([set, june, december, lateMarch]);
    expect(entry?.latestMeasurement?.measurementId).toBe('m-2');
    expect(entry?.fulfilment).toBe('MET');
  });

  it('applies a revision to the target and keeps what it replaced, with the reason', () => {
    const revised = at(
      3,
      '2025-08-01T10:00:00.000Z',
      goalRevised(GOAL, 60, 50),
      'security.chief@region.se',
    );
    const entry = fold([set, june, revised]);
    expect(entry).toMatchObject({ targetValue: 60, partlyMetFrom: 50, fulfilment: 'MET' });
    expect(entry?.revisions).toEqual([
      {
        targetValue: 60,
        partlyMetFrom: 50,
        previousTargetValue: 90,
        previousPartlyMetFrom: 75,
        reason: 'Half the staff changed over after the reorganisation',
        revisedAt: '2025-08-01T10:00:00.000Z',
        revisedBy: 'security.chief@region.se',
      },
    ]);
  });

  it('marks a withdrawn goal with its reason and keeps its measurements', () => {
    const withdrawn = at(3, '2025-09-01T10:00:00.000Z', goalWithdrawn(GOAL));
    expect(fold([set, june, withdrawn])).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnReason: 'The course is replaced by practical drills',
      withdrawnAt: '2025-09-01T10:00:00.000Z',
      fulfilment: 'NOT_MET',
      measurements: [{ measurementId: 'm-1' }],
      version: 3,
    });
  });

  it('ignores events of a goal never set, and types it does not know', () => {
    expect(evolveGoalRegisterEntry(null, june)).toBeNull();
    const entry = fold([set]);
    const unknown = at(2, SET_AT, { type: 'SecurityGoalArchived', data: { goalId: GOAL } });
    expect(evolveGoalRegisterEntry(entry, unknown)).toBe(entry);
  });

  it('does not change the entry it is given', () => {
    const entry = fold([set, june]);
    const copy = structuredClone(entry);
    evolveGoalRegisterEntry(entry, december);
    expect(entry).toEqual(copy);
  });
});
