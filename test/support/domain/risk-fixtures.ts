import { DEFAULT_MATRIX, type RiskMatrix } from '@riskledger/domain';
import type {
  AcceptRisk,
  ApplyMitigation,
  AssessRisk,
  IdentifyRisk,
  PlanMitigation,
} from '@riskledger/domain';
import type {
  MitigationApplied,
  MitigationCancelled,
  MitigationPlanned,
  MitigationStarted,
  MitigationVerified,
  RiskAccepted,
  RiskAssessed,
  RiskClosed,
  RiskIdentified,
  RiskReopened,
} from '@riskledger/domain';

/**
 * For the risk specs only: commands and events as a ward would send and record them; each test
 * changes only what it is about.
 */
export const riskId = 'risk-1';
export const TODAY = '2026-03-10';
export const matrix: RiskMatrix = DEFAULT_MATRIX;
export const tooLong = (max: number) => 'x'.repeat(max + 1);

export const identifyRisk = (change: Partial<IdentifyRisk> = {}): IdentifyRisk => ({
  type: 'IdentifyRisk',
  riskId,
  title: 'Medicine room left unlocked',
  description: 'Because the door does not close by itself, drugs can be taken.',
  area: 'PHARMACEUTICALS',
  unit: 'Ward 12',
  reference: {
    activeAreas: ['PHARMACEUTICALS', 'CRIME_PREVENTION', 'PHYSICAL_SECURITY'],
    unitKnown: true,
  },
  matrix,
  today: TODAY,
  ...change,
});

export const riskIdentified = (change: Partial<RiskIdentified['data']> = {}): RiskIdentified => ({
  type: 'RiskIdentified',
  data: {
    riskId,
    title: 'Medicine room left unlocked',
    description: 'Because the door does not close by itself, drugs can be taken.',
    cause: null,
    event: null,
    consequence: null,
    threat: null,
    area: 'PHARMACEUTICALS',
    additionalAreas: [],
    unit: 'Ward 12',
    owner: null,
    supplier: null,
    contract: null,
    classification: 'OPEN',
    nextReviewDate: '2027-03-10',
    sourceIncidentId: null,
    ...change,
  },
});

export const assessRisk = (
  likelihood: number,
  consequence: number,
  change: Partial<AssessRisk> = {},
): AssessRisk => ({ type: 'AssessRisk', riskId, likelihood, consequence, matrix, ...change });

export const riskAssessed = (change: Partial<RiskAssessed['data']> = {}): RiskAssessed => ({
  type: 'RiskAssessed',
  data: {
    riskId,
    basis: 'CURRENT',
    warnings: [],
    likelihood: 3,
    consequence: 4,
    score: 12,
    level: 'HIGH',
    matrixVersion: 1,
    ...change,
  },
});

export const planMitigation = (change: Partial<PlanMitigation> = {}): PlanMitigation => ({
  type: 'PlanMitigation',
  riskId,
  mitigationId: 'm-1',
  title: 'Fit a door closer',
  kind: 'LIMIT',
  ...change,
});

export const mitigationPlanned = (
  change: Partial<MitigationPlanned['data']> = {},
): MitigationPlanned => ({
  type: 'MitigationPlanned',
  data: {
    riskId,
    mitigationId: 'm-1',
    title: 'Fit a door closer',
    kind: 'LIMIT',
    owner: null,
    dueDate: null,
    expectedEffect: null,
    supplier: null,
    ...change,
  },
});

export const applyMitigation = (change: Partial<ApplyMitigation> = {}): ApplyMitigation => ({
  type: 'ApplyMitigation',
  riskId,
  mitigationId: 'm-1',
  ...change,
});

export const mitigationStarted = (mitigationId = 'm-1'): MitigationStarted => ({
  type: 'MitigationStarted',
  data: { riskId, mitigationId },
});

export const mitigationApplied = (
  change: Partial<MitigationApplied['data']> = {},
): MitigationApplied => ({
  type: 'MitigationApplied',
  data: { riskId, mitigationId: 'm-1', note: null, ...change },
});

export const mitigationVerified = (mitigationId = 'm-1'): MitigationVerified => ({
  type: 'MitigationVerified',
  data: { riskId, mitigationId, effect: 'No entries after hours since' },
});

export const mitigationCancelled = (mitigationId = 'm-1'): MitigationCancelled => ({
  type: 'MitigationCancelled',
  data: { riskId, mitigationId, reason: 'The ward moves' },
});

export const riskClosed: RiskClosed = {
  type: 'RiskClosed',
  data: { riskId, reason: 'The medicine room was removed' },
};

export const riskReopened: RiskReopened = {
  type: 'RiskReopened',
  data: { riskId, reason: 'The room is back in use' },
};

export const acceptRisk = (change: Partial<AcceptRisk> = {}): AcceptRisk => ({
  type: 'AcceptRisk',
  riskId,
  acceptanceId: 'a-1',
  justification: 'Card access limits the risk enough',
  roles: ['AREA_RESPONSIBLE'],
  lapsesOn: '2026-09-10',
  matrix,
  today: TODAY,
  ...change,
});

export const riskAccepted = (change: Partial<RiskAccepted['data']> = {}): RiskAccepted => ({
  type: 'RiskAccepted',
  data: {
    riskId,
    acceptanceId: 'a-1',
    justification: 'Card access limits the risk enough',
    acceptedByRole: 'AREA_RESPONSIBLE',
    residual: {
      basis: 'TARGET',
      likelihood: 2,
      consequence: 4,
      score: 8,
      level: 'MEDIUM',
      matrixVersion: 1,
    },
    lapsesOn: '2026-09-10',
    ...change,
  },
});
