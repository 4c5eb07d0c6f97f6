import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentRegisterCounts, type IncidentRegisterFilter } from '@riskledger/read-models';
import { IncidentOverviewQuery } from './incident-overview.query';
import type { IncidentOverviewResponse } from './incident-overview.response';

/** The dashboard's incident numbers, each the total of the register filter it links to. */
@QueryHandler(IncidentOverviewQuery)
export class IncidentOverviewHandler implements IQueryHandler<IncidentOverviewQuery> {
  constructor(private readonly counts: IncidentRegisterCounts) {}

  async execute({ visibility, filter }: IncidentOverviewQuery): Promise<IncidentOverviewResponse> {
    const open: IncidentRegisterFilter = { ...filter, open: true };
    const [openByKind, total, outwardReportsMissing] = await Promise.all([
      this.counts.byKind(open, visibility),
      this.counts.count(open, visibility),
      this.counts.count({ ...open, outwardReportsMissing: true }, visibility),
    ]);
    return { openByKind, open: total, outwardReportsMissing };
  }
}
