export interface SetSecurityGoal {
  type: 'SetSecurityGoal';
  goalId: string;
  area: string;
  year: number;
  text: string;
  indicator: string;
  targetValue: number;
  measurementUnit: string;
  direction: string;
  partlyMetFrom?: number | null;
  /** The security areas in use (reference data), read by the caller. */
  activeAreas: readonly string[];
  /** The clock, passed in: how far ahead a goal may be set depends on today. */
  today: string;
}

export interface MeasureIndicator {
  type: 'MeasureIndicator';
  goalId: string;
  measurementId: string;
  value: number;
  measuredOn: string;
  note?: string | null;
  /** The clock, passed in: a value cannot describe a day still to come. */
  today: string;
}

export interface ReviseSecurityGoal {
  type: 'ReviseSecurityGoal';
  goalId: string;
  targetValue: number;
  partlyMetFrom?: number | null;
  reason: string;
  /** The clock, passed in: a goal whose year is reported on can no longer be revised. */
  today: string;
}

export interface WithdrawSecurityGoal {
  type: 'WithdrawSecurityGoal';
  goalId: string;
  reason: string;
}

export type GoalCommand =
  SetSecurityGoal | MeasureIndicator | ReviseSecurityGoal | WithdrawSecurityGoal;
