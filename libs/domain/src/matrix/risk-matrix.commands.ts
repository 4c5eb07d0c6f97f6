/** What a caller sends; the domain checks every value before it becomes a matrix. */
export interface ScaleStepInput {
  value: number;
  label: { sv: string; en: string };
  criteria: { sv: string; en: string };
}

export interface LevelBandInput {
  level: string;
  maxScore: number;
  acceptableBy: readonly string[];
  maxAcceptanceDays: number;
}

export interface PublishRiskMatrix {
  type: 'PublishRiskMatrix';
  likelihoodScale: readonly ScaleStepInput[];
  consequenceScale: readonly ScaleStepInput[];
  bands: readonly LevelBandInput[];
}

export type RiskMatrixCommand = PublishRiskMatrix;
