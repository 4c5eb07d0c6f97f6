import type { RiskLevel } from '@riskledger/domain';
import type { RegisterMitigation, RiskRegisterEntry } from './risk-register-entry';

/** How a register entry maps to and from its table row; shared by the projection and its queries. */
export interface RiskRegisterRow {
  risk_id: string;
  title: string;
  description: string;
  area: string;
  unit: string;
  owner: string | null;
  status: 'OPEN';
  likelihood: number | null;
  consequence: number | null;
  score: number | null;
  level: RiskLevel | null;
  matrix_version: number | null;
  assessed_at: Date | null;
  mitigations: RegisterMitigation[];
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
  'area',
  'unit',
  'owner',
  'status',
  'likelihood',
  'consequence',
  'score',
  'level',
  'matrix_version',
  'assessed_at',
  'mitigations',
  'identified_at',
  'identified_by',
  'updated_at',
  'updated_by',
  'version',
] as const;

/** The row of an entry, keyed by column (jsonb_populate_recordset turns it into a table row). */
export function rowOf(
  entry: RiskRegisterEntry,
): Record<(typeof RISK_REGISTER_COLUMNS)[number], unknown> {
  return {
    risk_id: entry.riskId,
    title: entry.title,
    description: entry.description,
    area: entry.area,
    unit: entry.unit,
    owner: entry.owner,
    status: entry.status,
    likelihood: entry.likelihood,
    consequence: entry.consequence,
    score: entry.score,
    level: entry.level,
    matrix_version: entry.matrixVersion,
    assessed_at: entry.assessedAt,
    mitigations: entry.mitigations,
    identified_at: entry.identifiedAt,
    identified_by: entry.identifiedBy,
    updated_at: entry.updatedAt,
    updated_by: entry.updatedBy,
    version: entry.version,
  };
}

export function entryOf(row: RiskRegisterRow): RiskRegisterEntry {
  return {
    riskId: row.risk_id,
    title: row.title,
    description: row.description,
    area: row.area,
    unit: row.unit,
    owner: row.owner,
    status: row.status,
    likelihood: row.likelihood,
    consequence: row.consequence,
    score: row.score,
    level: row.level,
    matrixVersion: row.matrix_version,
    assessedAt: row.assessed_at?.toISOString() ?? null,
    mitigations: row.mitigations,
    identifiedAt: row.identified_at.toISOString(),
    identifiedBy: row.identified_by,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    version: row.version,
  };
}
