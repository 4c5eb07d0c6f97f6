import { InvalidValueError } from '../shared/errors';

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';

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

/**
 * Version 1 of the risk matrix: the default 5×5 banding (MSB's 4×4 example scaled up). Published
 * matrix versions never change; a region's own versions will follow as reference data.
 */
export const DEFAULT_MATRIX = {
  version: 1,
  bands: [
    { level: 'LOW', maxScore: 3 },
    { level: 'MEDIUM', maxScore: 9 },
    { level: 'HIGH', maxScore: 16 },
    { level: 'VERY_HIGH', maxScore: 25 },
  ],
} as const satisfies {
  version: number;
  bands: readonly { level: RiskLevel; maxScore: number }[];
};

export function checkScale(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidValueError(field, 'must be an integer from 1 to 5');
  }
  return value;
}

export function assess(score: RiskScore): RiskAssessment {
  const likelihood = checkScale('likelihood', score.likelihood);
  const consequence = checkScale('consequence', score.consequence);
  const value = likelihood * consequence;
  const band = DEFAULT_MATRIX.bands.find((b) => value <= b.maxScore);
  if (!band) throw new Error(`risk value ${value} is outside the matrix`);
  return {
    likelihood,
    consequence,
    score: value,
    level: band.level,
    matrixVersion: DEFAULT_MATRIX.version,
  };
}
