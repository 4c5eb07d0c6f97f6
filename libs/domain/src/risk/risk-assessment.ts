import { bandFor, DEFAULT_MATRIX, type RiskLevel, type RiskMatrix } from '../matrix/risk-matrix';
import { InvalidValueError } from '../shared/errors';

/**
 * Likelihood (sannolikhet) and consequence (konsekvens) are scored 1 to 5, as is common in Swedish
 * public-sector risk analysis; the risk value is their product.
 */
export interface RiskScore {
  readonly likelihood: number;
  readonly consequence: number;
}

export interface RiskAssessment extends RiskScore {
  readonly score: number;
  readonly level: RiskLevel;
  /** The matrix version the level was read from, so that old assessments keep their meaning. */
  readonly matrixVersion: number;
}

export function checkScale(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidValueError(field, 'must be an integer from 1 to 5');
  }
  return value;
}

export function assess(score: RiskScore, matrix: RiskMatrix = DEFAULT_MATRIX): RiskAssessment {
  const likelihood = checkScale('likelihood', score.likelihood);
  const consequence = checkScale('consequence', score.consequence);
  const value = likelihood * consequence;
  return {
    likelihood,
    consequence,
    score: value,
    level: bandFor(matrix, value).level,
    matrixVersion: matrix.version,
  };
}
