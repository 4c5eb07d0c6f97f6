import { ForbiddenException } from '@nestjs/common';
import { envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { eventTypesOf, type Visibility } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { RiskYearStandings } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import { ReferenceData } from '../../shared/reference-data';
import { annualSecurityReport, withContentHash } from './annual-security-report';
import { reportClosesAt, reportYear } from './report-year';
import { areasInUse } from './areas-in-use';
import { GetAnnualSecurityReportQuery } from './get-annual-security-report.query';

/** The streams whose events the report reads from the log itself; the risks' come as versions. */
const STREAMS_READ = ['goal', 'incident', 'security-area'];
const TYPES_READ = eventTypesOf(STREAMS_READ);

/**
 * The report of the log as recorded up to asOf. The risks, nearly all of a long log, come from
 * their versions (RiskYearStandings: two per risk), the few goal, incident and security-area
 * events from the log by type; the report is the same as the fold of the whole log, which is what
 * it falls back to whenever the versions cannot give exactly that (see RiskYearStandings.of).
 */
@QueryHandler(GetAnnualSecurityReportQuery)
export class GetAnnualSecurityReportHandler implements IQueryHandler<GetAnnualSecurityReportQuery> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
    private readonly standings: RiskYearStandings,
  ) {}

  async execute({ year, area, asOf, visibility }: GetAnnualSecurityReportQuery) {
    const areas = reportableAreas(visibility);
    // A moment still to come would give a report that changes as the log grows: read up to now.
    // A closed year's report reads no further than its closing, whatever is asked.
    const until = earliest(asOf ?? reportClosesAt(year), reportClosesAt(year), this.clock.now());
    const scope = { year, asOf: until, area };
    const report =
      (await this.reportFromVersions(scope, visibility.cleared)) ??
      (await this.reportFromLog(scope, visibility));
    return withContentHash(
      areas ? { ...report, areas: report.areas.filter((a) => areas.has(a.area)) } : report,
    );
  }

  /** The fold of every event recorded up to asOf that the caller may see. */
  private async reportFromLog(scope: ReportScope, visibility: Visibility) {
    const events: EventEnvelope[] = [];
    for await (const page of this.store.readRecordedPages({ until: scope.asOf })) {
      events.push(...page.map(envelopeOf).filter((e) => visibility.cleared || !restricted(e)));
    }
    return annualSecurityReport(events, await this.withAreas(events, scope));
  }

  /**
   * The same report with the risks read from their versions; null when they cannot give exactly
   * the fold's (RiskYearStandings.of), or name an area the areas in use do not: the fold lists
   * such an area where it first meets it in the log, which the versions cannot say.
   */
  private async reportFromVersions(scope: ReportScope, cleared: boolean) {
    const yearEnd = earliest(reportYear(scope.year).until, scope.asOf);
    const risks = await this.standings.of({ from: reportYear(scope.year).from, yearEnd }, cleared);
    if (!risks) return null;
    const [others, lastPosition] = await Promise.all([
      this.store.readOfTypes(TYPES_READ, { until: scope.asOf }),
      this.store.lastPositionRecorded({ until: scope.asOf, restricted: cleared }),
    ]);
    const events = others.map(envelopeOf).filter((e) => cleared || !restricted(e));
    const options = await this.withAreas(events, scope);
    if (!risks.every((risk) => options.activeAreas.includes(risk.area))) return null;
    return annualSecurityReport(events, options, { risks, lastPosition });
  }

  private async withAreas(events: readonly EventEnvelope[], scope: ReportScope) {
    return {
      ...scope,
      activeAreas: areasInUse(events) ?? (await this.referenceData.activeAreaCodes()),
    };
  }
}

interface ReportScope {
  year: number;
  asOf: Date;
  area?: string;
}

function restricted(event: EventEnvelope): boolean {
  return event.metadata.classification === 'RESTRICTED';
}

function earliest(...moments: Date[]): Date {
  return new Date(Math.min(...moments.map((moment) => moment.getTime())));
}

/**
 * The areas a caller's report covers: all, or those their grants name. The report counts whole
 * areas, so a grant limited to units does not reach it.
 */
function reportableAreas(visibility: Visibility): Set<string> | null {
  if (visibility.windows === null) return null;
  if (visibility.windows.some((w) => w.units !== null || w.areas === null)) {
    throw new ForbiddenException(
      'Not allowed: the annual report covers whole security areas; your grant is limited to units',
    );
  }
  return new Set(visibility.windows.flatMap((w) => w.areas ?? []));
}
