import { levelChangesUnder } from './level-changes';
import { DEFAULT_MATRIX, type RiskMatrix } from './risk-matrix';

// High from 8 instead of 10: a 2 × 4 risk (8) moves from medium to high, a 3 × 3 (9) too.
const stricter: RiskMatrix = {
  ...DEFAULT_MATRIX,
  version: 2,
  bands: DEFAULT_MATRIX.bands.map((band) =>
    band.level === 'MEDIUM' ? { ...band, maxScore: 7 } : band,
  ),
};

describe('level changes under a proposed matrix', () => {
  it('names the risks whose value falls in another band, with the level it would be', () => {
    const risks = [
      { id: 'a', score: 8, level: 'MEDIUM' as const },
      { id: 'b', score: 6, level: 'MEDIUM' as const },
      { id: 'c', score: 9, level: 'MEDIUM' as const },
      { id: 'd', score: 20, level: 'VERY_HIGH' as const },
    ];

    expect(levelChangesUnder(stricter, risks)).toEqual([
      { risk: risks[0], proposedLevel: 'HIGH' },
      { risk: risks[2], proposedLevel: 'HIGH' },
    ]);
  });

  it('compares with the level the risk was given, whichever version gave it', () => {
    // Assessed under an older version that called 8 high: the default matrix calls it medium.
    const risk = { score: 8, level: 'HIGH' as const };

    expect(levelChangesUnder(DEFAULT_MATRIX, [risk])).toEqual([{ risk, proposedLevel: 'MEDIUM' }]);
  });

  it('passes over a risk not yet assessed', () => {
    expect(levelChangesUnder(stricter, [{ score: null, level: null }])).toEqual([]);
  });
});
