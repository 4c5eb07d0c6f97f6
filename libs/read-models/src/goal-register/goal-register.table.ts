import type { GoalDirection, GoalFulfilment } from '@riskledger/domain';
import type {
  GoalMeasurementEntry,
  GoalRegisterEntry,
  GoalRevisionEntry,
} from './goal-register-entry';

/** How a goal register entry maps to and from its table row; shared by projection and queries. */
export interface GoalRegisterRow {
  goal_id: string;
  area: string;
  year: number;
  text: string;
  indicator: string;
  target_value: number;
  measurement_unit: string;
  direction: GoalDirection;
  partly_met_from: number | null;
  status: 'ACTIVE' | 'WITHDRAWN';
  withdrawn_reason: string | null;
  withdrawn_at: Date | null;
  measurements: GoalMeasurementEntry[];
  revisions: GoalRevisionEntry[];
  latest_measurement: GoalMeasurementEntry | null;
  fulfilment: GoalFulfilment;
  set_at: Date;
  set_by: string;
  updated_at: Date;
  updated_by: string;
  version: number;
}

export const GOAL_REGISTER_COLUMNS = [
  'goal_id',
  'area',
  'year',
  'text',
  'indicator',
  'target_value',
  'measurement_unit',
  'direction',
  'partly_met_from',
  'status',
  'withdrawn_reason',
  'withdrawn_at',
  'measurements',
  'revisions',
  'latest_measurement',
  'fulfilment',
  'set_at',
  'set_by',
  'updated_at',
  'updated_by',
  'version',
] as const;

export function rowOf(
  entry: GoalRegisterEntry,
): Record<(typeof GOAL_REGISTER_COLUMNS)[number], unknown> {
  return {
    goal_id: entry.goalId,
    area: entry.area,
    year: entry.year,
    text: entry.text,
    indicator: entry.indicator,
    target_value: entry.targetValue,
    measurement_unit: entry.measurementUnit,
    direction: entry.direction,
    partly_met_from: entry.partlyMetFrom,
    status: entry.status,
    withdrawn_reason: entry.withdrawnReason,
    withdrawn_at: entry.withdrawnAt,
    measurements: entry.measurements,
    revisions: entry.revisions,
    latest_measurement: entry.latestMeasurement,
    fulfilment: entry.fulfilment,
    set_at: entry.setAt,
    set_by: entry.setBy,
    updated_at: entry.updatedAt,
    updated_by: entry.updatedBy,
    version: entry.version,
  };
}

export function entryOf(row: GoalRegisterRow): GoalRegisterEntry {
  return {
    goalId: row.goal_id,
    area: row.area,
    year: row.year,
    text: row.text,
    indicator: row.indicator,
    targetValue: row.target_value,
    measurementUnit: row.measurement_unit,
    direction: row.direction,
    partlyMetFrom: row.partly_met_from,
    status: row.status,
    withdrawnReason: row.withdrawn_reason,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    measurements: row.measurements,
    revisions: row.revisions,
    latestMeasurement: row.latest_measurement,
    fulfilment: row.fulfilment,
    setAt: row.set_at.toISOString(),
    setBy: row.set_by,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    version: row.version,
  };
}
