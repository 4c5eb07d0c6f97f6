import {
  obligationApplies,
  type IncidentToReport,
  type ReportingObligation,
} from '../reference/reporting-obligation/reporting-obligation';
import type { OutwardAuthority } from './incident.events';
import type { IncidentStatus } from './incident.state';

const HOUR_MS = 60 * 60 * 1000;

/**
 * MET: a report to the authority covers the stage. DUE: its deadline is ahead. DUE_NOW: "without
 * delay", not yet reported. OVERDUE: the deadline has passed without a report.
 */
export const REPORTING_STAGE_STATUSES = ['MET', 'DUE', 'DUE_NOW', 'OVERDUE'] as const;
export type ReportingStageStatus = (typeof REPORTING_STAGE_STATUSES)[number];

export interface IncidentOnTheClock extends IncidentToReport {
  status: IncidentStatus;
  /** ISO 8601: when the incident was discovered, which every deadline counts from. */
  discoveredAt: string;
  outwardReports: readonly { authority: OutwardAuthority; reportedAt: string }[];
}

export interface ReportingStageClock {
  sv: string;
  en: string;
  withinHours: number | null;
  /** ISO 8601; for "without delay", the moment of discovery. */
  deadline: string;
  status: ReportingStageStatus;
  /** The report that met the stage (ISO 8601), else null. */
  reportedAt: string | null;
  /** Met after its deadline ("without delay" is never late: it has no number to be late by). */
  late: boolean;
  /** Milliseconds from now to the deadline: negative once passed. */
  msToDeadline: number;
}

export interface ObligationClock {
  code: string;
  authority: OutwardAuthority;
  sv: string;
  en: string;
  stages: ReportingStageClock[];
}

/**
 * Each obligation that applies to the incident, with its stages as they stand at `now`. The n-th
 * report to the authority (in the order they were made) meets the n-th stage: MSB's early warning
 * and its notification are two reports. A dismissed incident was judged not to be one, so it owes
 * nobody a report.
 */
export function reportingClock(
  incident: IncidentOnTheClock,
  obligations: readonly ReportingObligation[],
  now: Date,
): ObligationClock[] {
  if (incident.status === 'DISMISSED') return [];
  const discovered = new Date(incident.discoveredAt).getTime();
  return obligations
    .filter((obligation) => obligationApplies(obligation, incident))
    .map((obligation) => {
      const reports = incident.outwardReports
        .filter((r) => r.authority === obligation.authority)
        .map((r) => r.reportedAt)
        .sort((a, b) => Date.parse(a) - Date.parse(b));
      const stages = obligation.stages.map((stage, i): ReportingStageClock => {
        const deadline = discovered + (stage.withinHours ?? 0) * HOUR_MS;
        const reportedAt = reports[i] ?? null;
        const base = {
          ...stage,
          deadline: new Date(deadline).toISOString(),
          reportedAt,
          msToDeadline: deadline - now.getTime(),
        };
        if (reportedAt !== null) {
          const late = stage.withinHours !== null && Date.parse(reportedAt) > deadline;
          return { ...base, status: 'MET', late };
        }
        const status =
          stage.withinHours === null ? 'DUE_NOW' : deadline < now.getTime() ? 'OVERDUE' : 'DUE';
        return { ...base, status, late: false };
      });
      const { code, authority, sv, en } = obligation;
      return { code, authority, sv, en, stages };
    });
}

/** Whether anything of the clock is still to be reported. */
export function hasOpenStages(clock: readonly ObligationClock[]): boolean {
  return clock.some((obligation) => obligation.stages.some((stage) => stage.status !== 'MET'));
}
