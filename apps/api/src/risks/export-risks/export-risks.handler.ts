import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterQueries, viewOf } from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds } from '../as-of/risks-as-of';
import { ExportRisksQuery } from './export-risks.query';
import { risksCsv } from './risks-csv';

@QueryHandler(ExportRisksQuery)
export class ExportRisksHandler implements IQueryHandler<ExportRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly moments: RiskMoments,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute({ caller, visibility, filter, sort }: ExportRisksQuery) {
    const moment = await this.moments.at();
    const entries = await this.register.list(filter, { visibility, moment }, sort);
    await this.restrictedReads.record(caller, restrictedIds(entries), 'GET /risks/export.csv');
    return risksCsv(entries.map((entry) => viewOf(entry, moment)));
  }
}
