import type { MitigationKind, RiskLevel } from '@riskledger/domain';

export interface RegisterMitigation {
  mitigationId: string;
  title: string;
  kind: MitigationKind;
  owner: string | null;
  dueDate: string | null;
  status: 'PLANNED' | 'APPLIED';
  plannedAt: string;
  appliedAt: string | null;
  note: string | null;
}

/** One risk as the security organisation's register shows it now. */
export interface RiskRegisterEntry {
  riskId: string;
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
  matrixVersion: number | null;
  assessedAt: string | null;
  mitigations: RegisterMitigation[];
  identifiedAt: string;
  identifiedBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The risk stream's version this entry reflects (the ETag for conditional writes). */
  version: number;
}
