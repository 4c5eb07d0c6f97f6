import type { RiskRegisterView } from '@riskledger/read-models';
import { csvOf, type CsvValue } from '../../shared/csv';

const OPEN_MITIGATION = new Set(['PLANNED', 'IN_PROGRESS']);

/** The columns of the export, in order, each with how it is read from a risk. */
const COLUMNS: readonly (readonly [string, (r: RiskRegisterView) => CsvValue])[] = [
  ['riskId', (r) => r.riskId],
  ['title', (r) => r.title],
  [
    'scenario',
    (r) =>
      r.scenario &&
      `Because of ${r.scenario.cause}, ${r.scenario.event}, which leads to ${r.scenario.consequence}`,
  ],
  ['areas', (r) => [r.area, ...r.additionalAreas].join('; ')],
  ['unit', (r) => r.unit],
  ['owner', (r) => r.owner],
  ['status', (r) => r.status],
  ['classification', (r) => r.classification],
  ['inherentLevel', (r) => r.assessments.inherent?.level ?? null],
  ['inherentScore', (r) => r.assessments.inherent?.score ?? null],
  // The headline: the current assessment, or the inherent one while no current exists.
  ['currentLevel', (r) => r.level],
  ['currentScore', (r) => r.score],
  ['targetLevel', (r) => r.assessments.target?.level ?? null],
  ['targetScore', (r) => r.assessments.target?.score ?? null],
  ['nextReviewDate', (r) => r.nextReviewDate],
  ['needsReview', (r) => r.needsReview],
  ['acceptanceLapsesOn', (r) => r.acceptance?.lapsesOn ?? null],
  ['openMitigations', (r) => r.mitigations.filter((m) => OPEN_MITIGATION.has(m.status)).length],
];

/** The risk register as CSV, one row per risk (see csvOf). */
export function risksCsv(risks: readonly RiskRegisterView[]): string {
  return csvOf(COLUMNS, risks);
}
