import { expectRefusal } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError } from '../shared/errors';
import { bandFor, DEFAULT_MATRIX, type RiskLevel } from '../matrix/risk-matrix';
import { assess, checkScale } from './risk-assessment';

describe('assess (risk matrix version 1)', () => {
  it.each<[number, number, number, RiskLevel]>([
    // likelihood, consequence, score = likelihood × consequence, level
    [1, 1, 1, 'LOW'],
    [1, 3, 3, 'LOW'], // highest LOW
    [2, 2, 4, 'MEDIUM'], // lowest MEDIUM
    [3, 3, 9, 'MEDIUM'], // highest MEDIUM
    [2, 5, 10, 'HIGH'], // lowest HIGH
    [4, 4, 16, 'HIGH'], // highest HIGH
    [4, 5, 20, 'VERY_HIGH'], // lowest VERY_HIGH
    [5, 5, 25, 'VERY_HIGH'],
  ])('likelihood %i × consequence %i = %i is %s', (likelihood, consequence, score, level) => {
    expect(assess({ likelihood, consequence })).toEqual({
      likelihood,
      consequence,
      score,
      level,
      matrixVersion: 1,
    });
  });

  // The whole matrix as a security officer would draw it; rows are likelihood 1..5.
  const [L, M, H, V]: RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];
  const matrix: RiskLevel[][] = [
    //  consequence 1..5
    [L, L, L, M, M], // likelihood 1
    [L, M, M, M, H], // likelihood 2
    [L, M, M, H, H], // likelihood 3
    [M, M, H, H, V], // likelihood 4
    [M, H, H, V, V], // likelihood 5
  ];
  it('places every cell of the 5×5 matrix in its band', () => {
    const actual = [1, 2, 3, 4, 5].map((likelihood) =>
      [1, 2, 3, 4, 5].map((consequence) => assess({ likelihood, consequence }).level),
    );
    expect(actual).toEqual(matrix);
  });

  it('records matrix version 1 with the default bands', () => {
    expect(DEFAULT_MATRIX.version).toBe(1);
    expect(DEFAULT_MATRIX.bands.map((b) => [b.level, b.maxScore])).toEqual([
      ['LOW', 3],
      ['MEDIUM', 9],
      ['HIGH', 16],
      ['VERY_HIGH', 25],
    ]);
  });

  it('lets nobody accept a very high risk, and the security coordinator accept a high one', () => {
    expect(bandFor(DEFAULT_MATRIX, 20).acceptableBy).toEqual([]);
    expect(bandFor(DEFAULT_MATRIX, 12).acceptableBy).toEqual(['SECURITY_COORDINATOR']);
  });

  it.each([0, 6, -1, 2.5, NaN, Infinity])('refuses likelihood %p, naming the field', (value) => {
    expectRefusal(() => assess({ likelihood: value, consequence: 3 }), InvalidValueError, {
      field: 'likelihood',
    });
  });

  it.each([0, 6, -1, 2.5, NaN, Infinity])('refuses consequence %p, naming the field', (value) => {
    expectRefusal(() => assess({ likelihood: 3, consequence: value }), InvalidValueError, {
      field: 'consequence',
    });
  });
});

describe('checkScale', () => {
  it.each([1, 2, 3, 4, 5])('accepts %i', (value) => {
    expect(checkScale('likelihood', value)).toBe(value);
  });

  it('names the field and the range in the refusal', () => {
    expectRefusal(() => checkScale('consequence', 6), InvalidValueError, {
      field: 'consequence',
      message: 'consequence: must be an integer from 1 to 5',
    });
  });

  it('checks likelihood before consequence', () => {
    expectRefusal(() => assess({ likelihood: 0, consequence: 0 }), InvalidValueError, {
      field: 'likelihood',
    });
  });
});
