import { bandFor, type RiskLevel, type RiskMatrix } from './risk-matrix';

/** A risk as its headline assessment stands: the value and the level it was given. */
export interface AssessedRisk {
  readonly score: number | null;
  readonly level: RiskLevel | null;
}

export interface LevelChange<Risk extends AssessedRisk> {
  readonly risk: Risk;
  readonly proposedLevel: RiskLevel;
}

/**
 * The risks whose value would fall in another level under a proposed matrix. Publishing
 * re-levels nothing by itself (an assessment keeps the version it used); this is what the next
 * assessment at the same likelihood and consequence would say.
 */
export function levelChangesUnder<Risk extends AssessedRisk>(
  proposed: RiskMatrix,
  risks: readonly Risk[],
): LevelChange<Risk>[] {
  return risks.flatMap((risk) => {
    if (risk.score === null || risk.level === null) return [];
    const proposedLevel = bandFor(proposed, risk.score).level;
    return proposedLevel === risk.level ? [] : [{ risk, proposedLevel }];
  });
}
