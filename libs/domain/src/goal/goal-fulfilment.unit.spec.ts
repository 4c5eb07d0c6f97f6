import {
  fulfilmentOfValue,
  goalFulfilment,
  latestMeasurement,
  type GoalFulfilment,
  type GoalTarget,
} from './goal-fulfilment';

// "At least 90 % of staff have done the fire safety course; 75 % counts as partly met."
const trained: GoalTarget = { direction: 'AT_LEAST', targetValue: 90, partlyMetFrom: 75 };
// "At most 2 serious near misses with medicine rooms; up to 4 counts as partly met."
const nearMisses: GoalTarget = { direction: 'AT_MOST', targetValue: 2, partlyMetFrom: 4 };

describe('fulfilmentOfValue', () => {
  it.each<[number, GoalFulfilment]>([
    [100, 'MET'],
    [90, 'MET'], // the target itself meets the goal
    [89.9, 'PARTLY_MET'],
    [75, 'PARTLY_MET'], // the threshold itself is partly met
    [74.9, 'NOT_MET'],
    [0, 'NOT_MET'],
  ])('AT_LEAST 90 (partly from 75): %p is %s', (value, expected) => {
    expect(fulfilmentOfValue(trained, value)).toBe(expected);
  });

  it.each<[number, GoalFulfilment]>([
    [0, 'MET'],
    [2, 'MET'],
    [3, 'PARTLY_MET'],
    [4, 'PARTLY_MET'],
    [5, 'NOT_MET'],
  ])('AT_MOST 2 (partly up to 4): %p is %s', (value, expected) => {
    expect(fulfilmentOfValue(nearMisses, value)).toBe(expected);
  });

  it('knows only met and not met without a partly-met threshold', () => {
    const target: GoalTarget = { ...trained, partlyMetFrom: null };
    expect(fulfilmentOfValue(target, 90)).toBe('MET');
    expect(fulfilmentOfValue(target, 89)).toBe('NOT_MET');
    expect(fulfilmentOfValue(target, -1000)).toBe('NOT_MET');
  });

  it('handles negative targets, e.g. a change in percent', () => {
    const change: GoalTarget = { direction: 'AT_MOST', targetValue: -10, partlyMetFrom: -5 };
    expect(fulfilmentOfValue(change, -12)).toBe('MET');
    expect(fulfilmentOfValue(change, -7)).toBe('PARTLY_MET');
    expect(fulfilmentOfValue(change, 0)).toBe('NOT_MET');
  });
});

describe('latestMeasurement', () => {
  it('is null without measurements', () => {
    expect(latestMeasurement([])).toBeNull();
  });

  it('takes the one describing the latest day, not the one recorded last', () => {
    const december = { value: 92, measuredOn: '2025-12-31' };
    const lateJune = { value: 60, measuredOn: '2025-06-30' };
    expect(latestMeasurement([december, lateJune])).toBe(december);
  });

  it('takes the one recorded last of two for the same day (a correction)', () => {
    const first = { value: 70, measuredOn: '2025-12-31' };
    const corrected = { value: 80, measuredOn: '2025-12-31' };
    expect(latestMeasurement([first, corrected])).toBe(corrected);
  });
});

describe('goalFulfilment', () => {
  it('is NOT_MEASURED before the first measurement', () => {
    expect(goalFulfilment(trained, [])).toBe('NOT_MEASURED');
  });

  it('follows the latest measurement, whatever earlier ones said', () => {
    expect(
      goalFulfilment(trained, [
        { value: 95, measuredOn: '2025-03-31' },
        { value: 50, measuredOn: '2025-06-30' },
      ]),
    ).toBe('NOT_MET');
    expect(
      goalFulfilment(trained, [
        { value: 50, measuredOn: '2025-06-30' },
        { value: 80, measuredOn: '2025-09-30' },
        { value: 91, measuredOn: '2026-01-15' },
      ]),
    ).toBe('MET');
  });
});
