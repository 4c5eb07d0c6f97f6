import {
  INCIDENT_KINDS,
  OUTWARD_AUTHORITIES,
  type GoalDirection,
  type GoalFulfilment,
} from '@riskledger/domain';
import { type EventEnvelope } from '@riskledger/contracts';
import { canonicalJson, sha256Hex } from '@riskledger/event-store';
import {
  applyToStanding,
  evolveGoalRegisterEntry,
  newRiskStanding,
  overdueOn,
  type GoalRegisterEntry,
  type ReportedScore,
  type RiskInYear,
  type RiskStanding,
} from '@riskledger/read-models';
import { calendarDayInSweden } from '../../platform/clock';
import { reportClosesAt, reportYear } from './report-year';
import {
  applyIncidentEvent,
  count,
  missingOutwardReports,
  type AreaIncidents,
  type IncidentFacts,
} from './year-incidents';

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

export const REPORTED_SEVERITIES = ['1', '2', '3', '4', '5', 'NOT_RECORDED'] as const;
/** The open risks listed by name in each area's section. */
export const HIGHEST_RISKS_LISTED = 5;

/** Open risks at a year's end: by level, and as the 5×5 matrix of counts. */
export interface RiskProfile {
  openAtYearEnd: number;
  /** The open risks at year end by the level of their latest current assessment. */
  levelsAtYearEnd: Record<string, number>;
  /** Counts by likelihood (rows, 1 to 5) and consequence (columns, 1 to 5); unassessed aside. */
  matrixAtYearEnd: number[][];
}

export interface HighestRisk extends ReportedScore {
  riskId: string;
  title: string;
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
  risks: RiskProfile & {
    identified: number;
    assessed: number;
    closed: number;
    /** The same at the end of the year before, to show the change. */
    previousYearEnd: RiskProfile;
    /** The open risks with the highest current score at year end, highest first. */
    highest: HighestRisk[];
  };
  incidents: AreaIncidents;
  mitigations: {
    applied: number;
    verified: number;
    /** Planned on risks open at year end, due before it, and neither applied nor cancelled. */
    overdueAtYearEnd: number;
  };
}

export interface AnnualSecurityReport {
  year: number;
  /** The year as instants (Swedish New Year to New Year, the end exclusive). */
  period: { from: string; until: string };
  /** The report reads the log as recorded up to this moment; the same asOf gives the same report. */
  asOf: string;
  /** The highest log position the report read (0 for an empty log). */
  lastPosition: number;
  /** The year's report has closed (see reportClosesAt): asking again gives the same report. */
  final: boolean;
  areas: AreaReport[];
}

/** The report with the hash of its content, which the document states beside its log position. */
export interface HashedAnnualSecurityReport extends AnnualSecurityReport {
  /**
   * SHA-256 (hex) of the canonical JSON (RFC 8785) of the report without this field: anyone can
   * recompute it from the JSON, and the same year asked again after it closed gives the same one.
   */
  contentHash: string;
}

export function withContentHash(report: AnnualSecurityReport): HashedAnnualSecurityReport {
  return { ...report, contentHash: sha256Hex(canonicalJson(report)) };
}

export interface ReportOptions {
  year: number;
  asOf: Date;
  /** The areas in use, in the order they are listed; areas named only by events follow. */
  activeAreas: readonly string[];
  /** Only this area, when given. */
  area?: string;
}

/**
 * The risks of the year read from their versions (RiskYearStandings) instead of folded from the
 * log, and the last log position read; the events given with them are then the goal, incident and
 * security-area events alone.
 */
export interface RisksRead {
  risks: readonly RiskInYear[];
  lastPosition: number;
}

interface RiskFacts {
  area: string;
  title: string;
  atPreviousYearEnd: RiskStanding | null;
  atYearEnd: RiskStanding;
}

/**
 * The annual security report (säkerhetsberättelse) computed from the log alone: goals and their
 * fulfilment; risks identified, assessed and closed in the year, their profile at its end and at
 * the end of the year before, the highest of them; incidents by kind and severity and the reports
 * made to authorities; mitigations applied, verified and overdue. `events` are every event
 * recorded up to `asOf`, in log order. Events of types this version does not know are skipped,
 * and only the fields that every version of an event has are read, so the report for a past year
 * stays the same while the event types grow.
 */
export function annualSecurityReport(
  events: readonly EventEnvelope[],
  options: ReportOptions,
  read?: RisksRead,
): AnnualSecurityReport {
  const { from, until } = reportYear(options.year);
  const previousFrom = reportYear(options.year - 1).from.getTime();
  const yearEnd = Math.min(until.getTime(), options.asOf.getTime());
  const at = (e: EventEnvelope) => Date.parse(e.recordedAt);
  const inYear = (e: EventEnvelope) => at(e) >= from.getTime() && at(e) < yearEnd;
  const beforeYear = (e: EventEnvelope) => at(e) < from.getTime();

  const areas = new Map<string, AreaReport>();
  const areaReport = (area: string) => {
    let report = areas.get(area);
    if (!report) areas.set(area, (report = emptyAreaReport(area)));
    return report;
  };
  for (const area of options.activeAreas) areaReport(area);

  const risks = new Map<string, RiskFacts>();
  const incidents = new Map<string, IncidentFacts>();
  const assessedInYear = new Set<string>();
  const goals = new Map<string, GoalRegisterEntry>();
  for (const event of events) {
    if (event.streamType === 'goal') {
      const entry = evolveGoalRegisterEntry(goals.get(event.streamId) ?? null, event);
      if (entry) goals.set(event.streamId, entry);
      continue;
    }
    if (at(event) >= yearEnd) continue;
    if (event.streamType === 'incident') {
      applyIncidentEvent(event, incidents, (area) => areaReport(area).incidents, {
        inYear,
        previousFrom,
        from,
      });
      continue;
    }
    if (event.type === 'RiskIdentified') {
      const area = String(event.data.area);
      risks.set(event.streamId, {
        area,
        title: String(event.data.title),
        atPreviousYearEnd: beforeYear(event) ? newRiskStanding() : null,
        atYearEnd: newRiskStanding(),
      });
      if (inYear(event)) areaReport(area).risks.identified++;
      continue;
    }
    const risk = risks.get(event.streamId);
    if (!risk) continue;
    applyToStanding(risk.atYearEnd, event);
    if (risk.atPreviousYearEnd && beforeYear(event)) applyToStanding(risk.atPreviousYearEnd, event);
    if (!inYear(event)) continue;
    const report = areaReport(risk.area);
    if (event.type === 'RiskAssessed' && !assessedInYear.has(event.streamId)) {
      assessedInYear.add(event.streamId);
      report.risks.assessed++;
    }
    if (event.type === 'RiskClosed') report.risks.closed++;
    if (event.type === 'MitigationApplied') report.mitigations.applied++;
    if (event.type === 'MitigationVerified') report.mitigations.verified++;
  }

  for (const risk of read?.risks ?? []) {
    risks.set(risk.riskId, risk);
    const report = areaReport(risk.area).risks;
    report.identified += Number(risk.identifiedInYear);
    report.assessed += Number(risk.assessedInYear);
    report.closed += risk.closedInYear;
    areaReport(risk.area).mitigations.applied += risk.appliedInYear;
    areaReport(risk.area).mitigations.verified += risk.verifiedInYear;
  }

  const yearEndDay = calendarDayInSweden(new Date(yearEnd));
  for (const [riskId, risk] of risks) {
    const report = areaReport(risk.area);
    if (risk.atPreviousYearEnd?.open)
      addToProfile(report.risks.previousYearEnd, risk.atPreviousYearEnd);
    if (!risk.atYearEnd.open) continue;
    addToProfile(report.risks, risk.atYearEnd);
    report.mitigations.overdueAtYearEnd += overdueOn(risk.atYearEnd, yearEndDay);
    if (risk.atYearEnd.current) {
      report.risks.highest.push({ riskId, title: risk.title, ...risk.atYearEnd.current });
    }
  }
  for (const incident of incidents.values()) {
    if (!incident.inYear) continue;
    areaReport(incident.area).incidents.outwardReportsMissing += missingOutwardReports(incident);
  }
  for (const goal of goals.values()) {
    if (goal.year !== options.year) continue;
    addGoal(areaReport(goal.area).goals, goal);
  }

  const listed = [...areas.values()].filter(
    (report) => options.area === undefined || report.area === options.area,
  );
  for (const report of listed) report.risks.highest = highestFirst(report.risks.highest);
  return {
    year: options.year,
    period: { from: from.toISOString(), until: until.toISOString() },
    asOf: options.asOf.toISOString(),
    lastPosition: read?.lastPosition ?? events.reduce((last, e) => Math.max(last, e.position), 0),
    final: options.asOf.getTime() >= reportClosesAt(options.year).getTime(),
    areas: listed,
  };
}

function addToProfile(profile: RiskProfile, standing: RiskStanding): void {
  profile.openAtYearEnd++;
  count(profile.levelsAtYearEnd, standing.current?.level ?? 'NOT_ASSESSED');
  const { likelihood, consequence } = standing.current ?? {};
  if (onScale(likelihood) && onScale(consequence)) {
    profile.matrixAtYearEnd[likelihood - 1][consequence - 1]++;
  }
}

function onScale(value: number | undefined): value is number {
  return Number.isInteger(value) && value! >= 1 && value! <= 5;
}

function highestFirst(risks: HighestRisk[]): HighestRisk[] {
  return [...risks]
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.consequence - a.consequence ||
        a.title.localeCompare(b.title, 'sv') ||
        a.riskId.localeCompare(b.riskId),
    )
    .slice(0, HIGHEST_RISKS_LISTED);
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

function emptyProfile(): RiskProfile {
  return {
    openAtYearEnd: 0,
    levelsAtYearEnd: Object.fromEntries(REPORTED_LEVELS.map((level) => [level, 0])),
    matrixAtYearEnd: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]),
  };
}

function emptyAreaReport(area: string): AreaReport {
  return {
    area,
    goals: { total: 0, met: 0, partlyMet: 0, notMet: 0, notMeasured: 0, withdrawn: 0, items: [] },
    risks: {
      identified: 0,
      assessed: 0,
      closed: 0,
      ...emptyProfile(),
      previousYearEnd: emptyProfile(),
      highest: [],
    },
    incidents: {
      reported: 0,
      reportedPreviousYear: 0,
      byKind: Object.fromEntries(REPORTED_INCIDENT_KINDS.map((kind) => [kind, 0])),
      bySeverity: Object.fromEntries(REPORTED_SEVERITIES.map((severity) => [severity, 0])),
      byKindAndSeverity: [],
      outwardReports: Object.fromEntries(OUTWARD_AUTHORITIES.map((authority) => [authority, 0])),
      outwardReportsMissing: 0,
    },
    mitigations: { applied: 0, verified: 0, overdueAtYearEnd: 0 },
  };
}
