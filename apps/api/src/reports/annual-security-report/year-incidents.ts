import { outwardReportsRequired, type IncidentKind } from '@riskledger/domain';
import type { EventEnvelope } from '@riskledger/contracts';

/** An area's incidents in the annual report. */
export interface AreaIncidents {
  reported: number;
  reportedPreviousYear: number;
  byKind: Record<string, number>;
  /** By severity (1 to 5); NOT_RECORDED for reports made before severities were recorded. */
  bySeverity: Record<string, number>;
  /** The cells of kind × severity that are not zero. */
  byKindAndSeverity: { kind: string; severity: string; count: number }[];
  /** Reports to authorities made in the year, by authority. */
  outwardReports: Record<string, number>;
  /** Reports the kinds of the year's incidents required and that were not made by year end. */
  outwardReportsMissing: number;
}

/** An incident as far as the annual report reads it. */
export interface IncidentFacts {
  area: string;
  kind: string | null;
  inYear: boolean;
  dismissed: boolean;
  reportedTo: Set<string>;
}

/**
 * Counts one incident event into its area's section: reports of the year by kind and severity,
 * those of the year before, and the reports made to authorities in the year.
 */
export function applyIncidentEvent(
  event: EventEnvelope,
  incidents: Map<string, IncidentFacts>,
  incidentsOf: (area: string) => AreaIncidents,
  when: { inYear: (e: EventEnvelope) => boolean; previousFrom: number; from: Date },
): void {
  if (event.type === 'IncidentReported') {
    const area = String(event.data.area);
    const kind = typeof event.data.kind === 'string' ? event.data.kind : null;
    const inYear = when.inYear(event);
    incidents.set(event.streamId, { area, kind, inYear, dismissed: false, reportedTo: new Set() });
    const report = incidentsOf(area);
    const recorded = Date.parse(event.recordedAt);
    if (recorded >= when.previousFrom && recorded < when.from.getTime()) {
      report.reportedPreviousYear++;
    }
    if (!inYear) return;
    const severity =
      typeof event.data.severity === 'number' ? String(event.data.severity) : 'NOT_RECORDED';
    report.reported++;
    count(report.byKind, kind ?? 'NOT_RECORDED');
    count(report.bySeverity, severity);
    const cell = report.byKindAndSeverity.find(
      (c) => c.kind === (kind ?? 'NOT_RECORDED') && c.severity === severity,
    );
    if (cell) cell.count++;
    else report.byKindAndSeverity.push({ kind: kind ?? 'NOT_RECORDED', severity, count: 1 });
    return;
  }
  const incident = incidents.get(event.streamId);
  if (!incident) return;
  // A dismissed incident was judged not to be what its kind says: it requires no outward report.
  if (event.type === 'IncidentDismissed') incident.dismissed = true;
  if (event.type === 'IncidentReportedToAuthority') {
    const authority = String(event.data.authority);
    incident.reportedTo.add(authority);
    if (when.inYear(event)) count(incidentsOf(incident.area).outwardReports, authority);
  }
}

/** The reports to authorities its kind required and that were not made. */
export function missingOutwardReports(incident: IncidentFacts): number {
  if (incident.dismissed) return 0;
  return outwardReportsRequired(incident.kind as IncidentKind | null).filter(
    (authority) => !incident.reportedTo.has(authority),
  ).length;
}

export function count(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
