import type { RiskLevel } from '@riskledger/domain';
import { textArray, type CopyValue } from '../copy-rows';
import type {
  LinkedIncident,
  RegisterAcceptance,
  RegisterMitigation,
  RiskRegisterEntry,
  ScorePoint,
} from './risk-register-entry';

/** How a register entry maps to and from its table row; shared by the projection and its queries. */
export interface RiskRegisterRow {
  risk_id: string;
  title: string;
  description: string;
  scenario: RiskRegisterEntry['scenario'];
  threat: string | null;
  area: string;
  additional_areas: string[];
  unit: string;
  owner: string | null;
  supplier: string | null;
  contract: string | null;
  classification: RiskRegisterEntry['classification'];
  source_incident_id: string | null;
  status: RiskRegisterEntry['status'];
  closed_at: Date | null;
  closed_reason: string | null;
  likelihood: number | null;
  consequence: number | null;
  score: number | null;
  level: RiskLevel | null;
  matrix_version: number | null;
  assessed_at: Date | null;
  assessments: RiskRegisterEntry['assessments'];
  score_history: ScorePoint[];
  mitigations: RegisterMitigation[];
  acceptance: RegisterAcceptance | null;
  past_acceptances: RegisterAcceptance[];
  next_review_date: Date | string | null;
  last_reviewed_at: Date | null;
  reviewed_at_position: string | number | null;
  linked_incidents: LinkedIncident[];
  review_reasons: string[];
  identified_at: Date;
  identified_by: string;
  updated_at: Date;
  updated_by: string;
  version: number;
}

export const RISK_REGISTER_COLUMNS = [
  'risk_id',
  'title',
  'description',
  'scenario',
  'threat',
  'area',
  'additional_areas',
  'areas',
  'unit',
  'owner',
  'supplier',
  'contract',
  'classification',
  'source_incident_id',
  'status',
  'closed_at',
  'closed_reason',
  'likelihood',
  'consequence',
  'score',
  'level',
  'matrix_version',
  'assessed_at',
  'inherent_score',
  'inherent_level',
  'target_score',
  'target_level',
  'assessments',
  'score_history',
  'mitigations',
  'open_mitigation_due',
  'acceptance',
  'acceptance_lapses_on',
  'past_acceptances',
  'next_review_date',
  'last_reviewed_at',
  'reviewed_at_position',
  'linked_incidents',
  'review_reasons',
  'needs_review',
  'identified_at',
  'identified_by',
  'updated_at',
  'updated_by',
  'version',
] as const;

const OPEN_MITIGATION = new Set(['PLANNED', 'IN_PROGRESS']);

/**
 * The row of an entry, keyed by column (copyValuesOf orders it for COPY). Some
 * columns only repeat part of the entry (areas, per-basis levels, the earliest open due date), so
 * that the register can be filtered and sorted on them with an index.
 */
export function rowOf(
  entry: RiskRegisterEntry,
): Record<(typeof RISK_REGISTER_COLUMNS)[number], unknown> {
  const openDueDates = entry.mitigations
    .filter((m) => OPEN_MITIGATION.has(m.status) && m.dueDate !== null)
    .map((m) => m.dueDate as string)
    .sort();
  return {
    risk_id: entry.riskId,
    title: entry.title,
    description: entry.description,
    scenario: entry.scenario,
    threat: entry.threat,
    area: entry.area,
    additional_areas: entry.additionalAreas,
    areas: [entry.area, ...entry.additionalAreas],
    unit: entry.unit,
    owner: entry.owner,
    supplier: entry.supplier,
    contract: entry.contract,
    classification: entry.classification,
    source_incident_id: entry.sourceIncidentId,
    status: entry.status,
    closed_at: entry.closedAt,
    closed_reason: entry.closedReason,
    likelihood: entry.likelihood,
    consequence: entry.consequence,
    score: entry.score,
    level: entry.level,
    matrix_version: entry.matrixVersion,
    assessed_at: entry.assessedAt,
    inherent_score: entry.assessments.inherent?.score ?? null,
    inherent_level: entry.assessments.inherent?.level ?? null,
    target_score: entry.assessments.target?.score ?? null,
    target_level: entry.assessments.target?.level ?? null,
    assessments: entry.assessments,
    score_history: entry.scoreHistory,
    mitigations: entry.mitigations,
    open_mitigation_due: openDueDates[0] ?? null,
    acceptance: entry.acceptance,
    acceptance_lapses_on: entry.acceptance?.lapsesOn ?? null,
    past_acceptances: entry.pastAcceptances,
    next_review_date: entry.nextReviewDate,
    last_reviewed_at: entry.lastReviewedAt,
    reviewed_at_position: entry.reviewedAtPosition,
    linked_incidents: entry.linkedIncidents,
    review_reasons: entry.reviewReasons,
    needs_review: entry.reviewReasons.length > 0,
    identified_at: entry.identifiedAt,
    identified_by: entry.identifiedBy,
    updated_at: entry.updatedAt,
    updated_by: entry.updatedBy,
    version: entry.version,
  };
}

/** The text[] columns; the others' values are scalars or JSON (jsonb). */
const TEXT_ARRAY_COLUMNS: ReadonlySet<string> = new Set(['additional_areas', 'areas']);

/** The row of an entry as COPY takes it, in the order of RISK_REGISTER_COLUMNS. */
export function copyValuesOf(entry: RiskRegisterEntry): CopyValue[] {
  const row = rowOf(entry);
  return RISK_REGISTER_COLUMNS.map((column): CopyValue => {
    const value = row[column] as CopyValue;
    return TEXT_ARRAY_COLUMNS.has(column) ? textArray(value as string[]) : value;
  });
}

export function entryOf(row: RiskRegisterRow): RiskRegisterEntry {
  return {
    riskId: row.risk_id,
    title: row.title,
    description: row.description,
    scenario: row.scenario,
    threat: row.threat,
    area: row.area,
    additionalAreas: row.additional_areas,
    unit: row.unit,
    owner: row.owner,
    supplier: row.supplier,
    contract: row.contract,
    classification: row.classification,
    sourceIncidentId: row.source_incident_id,
    status: row.status,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedReason: row.closed_reason,
    likelihood: row.likelihood,
    consequence: row.consequence,
    score: row.score,
    level: row.level,
    matrixVersion: row.matrix_version,
    assessedAt: row.assessed_at?.toISOString() ?? null,
    assessments: row.assessments,
    scoreHistory: row.score_history,
    mitigations: row.mitigations,
    acceptance: row.acceptance,
    pastAcceptances: row.past_acceptances,
    nextReviewDate: calendarDateOf(row.next_review_date),
    lastReviewedAt: row.last_reviewed_at?.toISOString() ?? null,
    reviewedAtPosition: row.reviewed_at_position === null ? null : Number(row.reviewed_at_position),
    linkedIncidents: row.linked_incidents,
    reviewReasons: row.review_reasons,
    identifiedAt: row.identified_at.toISOString(),
    identifiedBy: row.identified_by,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    version: row.version,
  };
}

/** node-postgres reads a date column as local midnight; this gives back the calendar date. */
function calendarDateOf(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
