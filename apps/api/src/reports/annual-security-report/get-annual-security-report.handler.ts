import { ForbiddenException } from '@nestjs/common';
import { envelopeOf, type EventEnvelope } from '@riskledger/contracts';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { Clock } from '../../platform/clock';
import { ReferenceData } from '../../shared/reference-data';
import { annualSecurityReport, withContentHash } from './annual-security-report';
import { reportClosesAt } from './report-year';
import { areasInUse } from './areas-in-use';
import { GetAnnualSecurityReportQuery } from './get-annual-security-report.query';

/**
 * Reads the whole log as recorded up to asOf, every stream type, and computes the report from it.
 * Its cost grows with the log, like the register as of a past moment; it is asked for a few times
 * a year.
 */
@QueryHandler(GetAnnualSecurityReportQuery)
export class GetAnnualSecurityReportHandler implements IQueryHandler<GetAnnualSecurityReportQuery> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
  ) {}

  async execute({ year, area, asOf, visibility }: GetAnnualSecurityReportQuery) {
    const areas = reportableAreas(visibility);
    // A moment still to come would give a report that changes as the log grows: read up to now.
    // A closed year's report reads no further than its closing, whatever is asked.
    const until = earliest(asOf ?? reportClosesAt(year), reportClosesAt(year), this.clock.now());
    const events: EventEnvelope[] = [];
    for await (const page of this.store.readRecordedPages({ until })) {
      events.push(
        ...page
          .map(envelopeOf)
          .filter((e) => visibility.cleared || e.metadata.classification !== 'RESTRICTED'),
      );
    }
    const report = annualSecurityReport(events, {
      year,
      asOf: until,
      activeAreas: areasInUse(events) ?? (await this.referenceData.activeAreaCodes()),
      area,
    });
    return withContentHash(
      areas ? { ...report, areas: report.areas.filter((a) => areas.has(a.area)) } : report,
    );
  }
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
