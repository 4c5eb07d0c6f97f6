import type { GoalDirection, GoalFulfilment } from '@riskledger/domain';

export interface GoalMeasurementEntry {
  measurementId: string;
  value: number;
  /** The calendar day the value describes (YYYY-MM-DD). */
  measuredOn: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface GoalRevisionEntry {
  targetValue: number;
  partlyMetFrom: number | null;
  previousTargetValue: number;
  previousPartlyMetFrom: number | null;
  reason: string;
  revisedAt: string;
  revisedBy: string;
}

/** One security goal as the goal register shows it now, with its fulfilment. */
export interface GoalRegisterEntry {
  goalId: string;
  area: string;
  year: number;
  text: string;
  indicator: string;
  targetValue: number;
  measurementUnit: string;
  direction: GoalDirection;
  partlyMetFrom: number | null;
  status: 'ACTIVE' | 'WITHDRAWN';
  withdrawnReason: string | null;
  withdrawnAt: string | null;
  /** In the order they were recorded. */
  measurements: GoalMeasurementEntry[];
  revisions: GoalRevisionEntry[];
  /** The measurement of the latest day, which the fulfilment is read from. */
  latestMeasurement: GoalMeasurementEntry | null;
  fulfilment: GoalFulfilment;
  setAt: string;
  setBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The goal stream's version this entry reflects (the ETag for conditional writes). */
  version: number;
}
