import { INCIDENT_KINDS, type GoalDirection, type GoalFulfilment } from '@riskledger/domain';
import { type EventEnvelope } from '@riskledger/contracts';
import { evolveGoalRegisterEntry, type GoalRegisterEntry } from '@riskledger/read-models';
import { reportYear } from './report-year';

export const REPORTED_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'NOT_ASSESSED'] as const;
export const REPORTED_INCIDENT_KINDS = [...INCIDENT_KINDS, 'NOT_RECORDED'] as const;

export interface ReportedGoal {
  goalId: string;
  text: string;
  indicator: string;
  targetValue: number;
  measurementUnit: string;
  direction: GoalDirection;
  partlyMetFrom: number | null;
  status: 'ACTIVE' | 'WITHDRAWN';
  latestValue: number | null;
  latestMeasuredOn: string | null;
  fulfilment: GoalFulfilment;
  /** Revisions of the target, each with its reason: a moved target is part of the account. */
  revisions: { targetValue: number; previousTargetValue: number; reason: string }[];
  withdrawnReason: string | null;
}

export interface AreaReport {
  area: string;
  goals: {
    total: number;
    met: number;
    partlyMet: number;
    notMet: number;
    notMeasured: number;
    /** Withdrawn goals are listed, but not counted as met, partly met, not met or not measured. */
    withdrawn: number;
    items: ReportedGoal[];
  };
  risks: {
    identified: number;
    assessed: number;
    closed: number;
    /** Risks identified by the year's end and not closed then. */
    openAtYearEnd: number;
    /** The open risks at year end by the level of their latest current assessment. */
    levelsAtYearEnd: Record<string, number>;
  };
  incidents: { reported: number; byKind: Record<string, number> };
  mitigations: { applied: number; verified: number };
}

export interface AnnualSecurityReport {
  year: number;
  /** The year as instants (Swedish New Year to New Year, the end exclusive). */
  period: { from: string; until: string };
  /** The report reads the log as recorded up to this moment; the same asOf gives the same report. */
  asOf: string;
  /** The highest log position the report read (0 for an empty log). */
  lastPosition: number;
  areas: AreaReport[];
}

export interface ReportOptions {
  year: number;
  asOf: Date;
  /** The areas in use, in the order they are listed; areas named only by events follow. */
  activeAreas: readonly string[];
  /** Only this area, when given. */
  area?: string;
}

interface RiskFacts {
  area: string;
  identifiedInYear: boolean;
  open: boolean;
  level: string | null;
}

/**
 * The annual security report (säkerhetsberättelse) computed from the log alone: goals and their
 * fulfilment; risks identified, assessed and closed in the year and their levels at its end;
 * incidents by kind; mitigations applied and verified. `events` are every event recorded up to
 * `asOf`, in log order. Events of types this version does not know are skipped, and only the
 * fields that every version of an event has are read, so the report for a past year stays the
 * same while the event types grow.
 */
export function annualSecurityReport(
  events: readonly EventEnvelope[],
  options: ReportOptions,
): AnnualSecurityReport {
  const { from, until } = reportYear(options.year);
  const yearEnd = Math.min(until.getTime(), options.asOf.getTime());
  const inYear = (e: EventEnvelope) => {
    const at = Date.parse(e.recordedAt);
    return at >= from.getTime() && at < yearEnd;
  };
  const byYearEnd = (e: EventEnvelope) => Date.parse(e.recordedAt) < yearEnd;

  const areas = new Map<string, AreaReport>();
  const areaReport = (area: string) => {
    let report = areas.get(area);
    if (!report) areas.set(area, (report = emptyAreaReport(area)));
    return report;
  };
  for (const area of options.activeAreas) areaReport(area);

  const risks = new Map<string, RiskFacts>();
  const assessedInYear = new Set<string>();
  const goals = new Map<string, GoalRegisterEntry>();
  for (const event of events) {
    if (event.streamType === 'goal') {
      const entry = evolveGoalRegisterEntry(goals.get(event.streamId) ?? null, event);
      if (entry) goals.set(event.streamId, entry);
      continue;
    }
    if (!byYearEnd(event)) continue;
    if (event.type === 'IncidentReported') {
      if (!inYear(event)) continue;
      const incidents = areaReport(String(event.data.area)).incidents;
      incidents.reported++;
      const kind = typeof event.data.kind === 'string' ? event.data.kind : 'NOT_RECORDED';
      incidents.byKind[kind] = (incidents.byKind[kind] ?? 0) + 1;
      continue;
    }
    if (event.type === 'RiskIdentified') {
      const area = String(event.data.area);
      risks.set(event.streamId, { area, identifiedInYear: inYear(event), open: true, level: null });
      if (inYear(event)) areaReport(area).risks.identified++;
      continue;
    }
    const risk = risks.get(event.streamId);
    if (!risk) continue;
    switch (event.type) {
      case 'RiskAssessed':
        // Inherent and target (residual) assessments describe other states than the risk's own.
        if (event.data.basis !== 'INHERENT' && event.data.basis !== 'TARGET') {
          risk.level = String(event.data.level);
        }
        if (inYear(event) && !assessedInYear.has(event.streamId)) {
          assessedInYear.add(event.streamId);
          areaReport(risk.area).risks.assessed++;
        }
        break;
      case 'RiskClosed':
        risk.open = false;
        if (inYear(event)) areaReport(risk.area).risks.closed++;
        break;
      case 'RiskReopened':
        risk.open = true;
        break;
      case 'MitigationApplied':
        if (inYear(event)) areaReport(risk.area).mitigations.applied++;
        break;
      case 'MitigationVerified':
        if (inYear(event)) areaReport(risk.area).mitigations.verified++;
        break;
    }
  }

  for (const risk of risks.values()) {
    if (!risk.open) continue;
    const report = areaReport(risk.area).risks;
    report.openAtYearEnd++;
    const level = risk.level ?? 'NOT_ASSESSED';
    report.levelsAtYearEnd[level] = (report.levelsAtYearEnd[level] ?? 0) + 1;
  }
  for (const goal of goals.values()) {
    if (goal.year !== options.year) continue;
    addGoal(areaReport(goal.area).goals, goal);
  }

  const listed = [...areas.values()].filter(
    (report) => options.area === undefined || report.area === options.area,
  );
  return {
    year: options.year,
    period: { from: from.toISOString(), until: until.toISOString() },
    asOf: options.asOf.toISOString(),
    lastPosition: events.reduce((last, e) => Math.max(last, e.position), 0),
    areas: listed,
  };
}

function addGoal(goals: AreaReport['goals'], goal: GoalRegisterEntry): void {
  goals.total++;
  if (goal.status === 'WITHDRAWN') goals.withdrawn++;
  else if (goal.fulfilment === 'MET') goals.met++;
  else if (goal.fulfilment === 'PARTLY_MET') goals.partlyMet++;
  else if (goal.fulfilment === 'NOT_MET') goals.notMet++;
  else goals.notMeasured++;
  goals.items.push({
    goalId: goal.goalId,
    text: goal.text,
    indicator: goal.indicator,
    targetValue: goal.targetValue,
    measurementUnit: goal.measurementUnit,
    direction: goal.direction,
    partlyMetFrom: goal.partlyMetFrom,
    status: goal.status,
    latestValue: goal.latestMeasurement?.value ?? null,
    latestMeasuredOn: goal.latestMeasurement?.measuredOn ?? null,
    fulfilment: goal.fulfilment,
    revisions: goal.revisions.map(({ targetValue, previousTargetValue, reason }) => ({
      targetValue,
      previousTargetValue,
      reason,
    })),
    withdrawnReason: goal.withdrawnReason,
  });
}

function emptyAreaReport(area: string): AreaReport {
  return {
    area,
    goals: { total: 0, met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, withdrawn: 0, items: [] },
    risks: {
      identified: 0,
      assessed: 0,
      closed: 0,
      openAtYearEnd: 0,
      levelsAtYearEnd: Object.fromEntries(REPORTED_LEVELS.map((level) => [level, 0])),
    },
    incidents: {
      reported: 0,
      byKind: Object.fromEntries(REPORTED_INCIDENT_KINDS.map((kind) => [kind, 0])),
    },
    mitigations: { applied: 0, verified: 0 },
  };
}
