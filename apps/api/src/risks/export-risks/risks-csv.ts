import type { RiskRegisterView } from '@riskledger/read-models';
import type { ExportColumn } from '../../platform/table-export';
import { csvOf } from '../../shared/csv';
import { CODES, type ExportLabels } from '../../shared/export-labels';

const OPEN_MITIGATION = new Set(['PLANNED', 'IN_PROGRESS']);

/** The columns of the export, in order, each with its headers and how it is read from a risk. */
export function riskExportColumns(label: ExportLabels): readonly ExportColumn<RiskRegisterView>[] {
  const level = (code: string | null | undefined) => (code ? label.level(code) : null);
  return [
    { en: 'riskId', sv: 'Risk-id', kind: 'text', read: (r) => r.riskId },
    { en: 'title', sv: 'Risk', kind: 'text', read: (r) => r.title },
    {
      en: 'scenario',
      sv: 'Scenario',
      kind: 'text',
      read: (r) =>
        r.scenario && label.scenario(r.scenario.cause, r.scenario.event, r.scenario.consequence),
    },
    {
      en: 'areas',
      sv: 'Säkerhetsområden',
      kind: 'text',
      read: (r) => [r.area, ...r.additionalAreas].map(label.area).join('; '),
    },
    { en: 'unit', sv: 'Enhet', kind: 'text', read: (r) => r.unit },
    { en: 'owner', sv: 'Riskägare', kind: 'text', read: (r) => r.owner },
    { en: 'status', sv: 'Status', kind: 'text', read: (r) => label.riskStatus(r.status) },
    {
      en: 'classification',
      sv: 'Klassning',
      kind: 'text',
      read: (r) => label.classification(r.classification),
    },
    {
      en: 'inherentLevel',
      sv: 'Ursprunglig nivå',
      kind: 'text',
      read: (r) => level(r.assessments.inherent?.level),
    },
    {
      en: 'inherentScore',
      sv: 'Ursprungligt riskvärde',
      kind: 'number',
      read: (r) => r.assessments.inherent?.score ?? null,
    },
    // The headline: the current assessment, or the inherent one while no current exists.
    { en: 'currentLevel', sv: 'Nuvarande nivå', kind: 'text', read: (r) => level(r.level) },
    { en: 'currentScore', sv: 'Nuvarande riskvärde', kind: 'number', read: (r) => r.score },
    {
      en: 'targetLevel',
      sv: 'Målnivå',
      kind: 'text',
      read: (r) => level(r.assessments.target?.level),
    },
    {
      en: 'targetScore',
      sv: 'Målriskvärde',
      kind: 'number',
      read: (r) => r.assessments.target?.score ?? null,
    },
    { en: 'nextReviewDate', sv: 'Nästa granskning', kind: 'date', read: (r) => r.nextReviewDate },
    { en: 'needsReview', sv: 'Behöver granskas', kind: 'boolean', read: (r) => r.needsReview },
    {
      en: 'acceptanceLapsesOn',
      sv: 'Riskacceptans upphör',
      kind: 'date',
      read: (r) => r.acceptance?.lapsesOn ?? null,
    },
    {
      en: 'openMitigations',
      sv: 'Pågående åtgärder',
      kind: 'number',
      read: (r) => r.mitigations.filter((m) => OPEN_MITIGATION.has(m.status)).length,
    },
  ];
}

/** The risk register as CSV, one row per risk, codes as codes (see csvOf). */
export function risksCsv(risks: readonly RiskRegisterView[]): string {
  return csvOf(riskExportColumns(CODES), risks);
}
