import type { Role } from '../shared/roles';

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';
export const RISK_LEVELS: readonly RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

export interface LocalisedText {
  readonly sv: string;
  readonly en: string;
}

/** One step of a 1–5 scale, with what it means so that two assessors score alike. */
export interface ScaleStep {
  readonly value: number;
  readonly label: LocalisedText;
  readonly criteria: LocalisedText;
}

/** A level band: risk values up to maxScore, who may accept such a risk and for how long. */
export interface LevelBand {
  readonly level: RiskLevel;
  readonly maxScore: number;
  readonly acceptableBy: readonly Role[];
  /** The longest an acceptance may hold before it lapses and must be renewed; 0 if none may. */
  readonly maxAcceptanceDays: number;
}

/**
 * A published risk matrix version. Published versions never change; a new version applies from
 * then on, and every assessment records the version it used, so history keeps its meaning.
 */
export interface RiskMatrix {
  readonly version: number;
  readonly likelihoodScale: readonly ScaleStep[];
  readonly consequenceScale: readonly ScaleStep[];
  readonly bands: readonly LevelBand[];
}

const step = (value: number, sv: string, en: string, criteriaSv: string, criteriaEn: string) => ({
  value,
  label: { sv, en },
  criteria: { sv: criteriaSv, en: criteriaEn },
});

/**
 * Version 1: the default 5×5 banding (MSB's 4×4 example scaled up): low 1–3, medium 4–9, high
 * 10–16, very high 20–25. Acceptance follows DOMAIN.md: the risk owner for low, line management
 * (area responsible) for medium, the security coordinator for high; very high is never accepted, it
 * must be treated.
 */
export const DEFAULT_MATRIX: RiskMatrix = {
  version: 1,
  likelihoodScale: [
    step(
      1,
      'Mycket låg',
      'Rare',
      'Inträffar sällan än vart tionde år',
      'Less than once in ten years',
    ),
    step(2, 'Låg', 'Unlikely', 'Inträffar någon gång på tio år', 'Once in ten years'),
    step(3, 'Medel', 'Possible', 'Inträffar någon gång per år', 'About once a year'),
    step(4, 'Hög', 'Likely', 'Inträffar flera gånger per år', 'Several times a year'),
    step(5, 'Mycket hög', 'Almost certain', 'Inträffar varje månad', 'Every month'),
  ],
  consequenceScale: [
    step(1, 'Försumbar', 'Negligible', 'Ingen märkbar påverkan', 'No noticeable effect'),
    step(2, 'Lindrig', 'Minor', 'Kortvarig störning, ingen skada', 'Short disruption, no harm'),
    step(
      3,
      'Måttlig',
      'Moderate',
      'Störd verksamhet eller lindrig skada',
      'Disrupted operations or minor injury',
    ),
    step(
      4,
      'Allvarlig',
      'Major',
      'Allvarlig skada, lagbrott eller förtroendeförlust',
      'Serious injury, breach of law or loss of trust',
    ),
    step(
      5,
      'Katastrofal',
      'Catastrophic',
      'Dödsfall eller långvarigt avbrott i vården',
      'Death or lasting loss of care',
    ),
  ],
  bands: [
    {
      level: 'LOW',
      maxScore: 3,
      acceptableBy: ['RISK_OWNER', 'AREA_RESPONSIBLE', 'SECURITY_COORDINATOR'],
      maxAcceptanceDays: 365,
    },
    {
      level: 'MEDIUM',
      maxScore: 9,
      acceptableBy: ['AREA_RESPONSIBLE', 'SECURITY_COORDINATOR'],
      maxAcceptanceDays: 365,
    },
    { level: 'HIGH', maxScore: 16, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 180 },
    { level: 'VERY_HIGH', maxScore: 25, acceptableBy: [], maxAcceptanceDays: 0 },
  ],
};

/** The band a risk value falls in. */
export function bandFor(matrix: RiskMatrix, score: number): LevelBand {
  const band = matrix.bands.find((b) => score <= b.maxScore);
  if (!band) throw new Error(`risk value ${score} is outside matrix version ${matrix.version}`);
  return band;
}
