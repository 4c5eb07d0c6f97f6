import type { SecurityAreaCode } from '../areas/security-areas';
import type { TypedEvent } from '../shared/decider';
import type { RiskAssessment } from './risk-assessment';

/** The treatment kinds of the policies' risk treatment measure (riskhanteringsåtgärd). */
export const MITIGATION_KINDS = ['ELIMINATE', 'LIMIT', 'MONITOR'] as const;
export type MitigationKind = (typeof MITIGATION_KINDS)[number];

export type RiskIdentified = TypedEvent<
  'RiskIdentified',
  {
    riskId: string;
    title: string;
    description: string;
    area: SecurityAreaCode;
    unit: string;
    owner: string | null;
  }
>;

export type RiskAssessed = TypedEvent<'RiskAssessed', { riskId: string } & RiskAssessment>;

export type MitigationPlanned = TypedEvent<
  'MitigationPlanned',
  {
    riskId: string;
    mitigationId: string;
    title: string;
    kind: MitigationKind;
    owner: string | null;
    /** ISO calendar date (YYYY-MM-DD). */
    dueDate: string | null;
  }
>;

export type MitigationApplied = TypedEvent<
  'MitigationApplied',
  { riskId: string; mitigationId: string; note: string | null }
>;

export type RiskEvent = RiskIdentified | RiskAssessed | MitigationPlanned | MitigationApplied;
