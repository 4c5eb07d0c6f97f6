import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries, RiskRegisterQueries, viewOf } from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { exportFileOf } from '../../platform/table-export';
import { CODES, labelsIn } from '../../shared/export-labels';
import { Clock } from '../../platform/clock';
import { RiskMoments } from '../risk-moments';
import { restrictedIds } from '../restricted-ids';
import { ExportRisksQuery } from './export-risks.query';
import { riskExportColumns } from './risks-csv';

@QueryHandler(ExportRisksQuery)
export class ExportRisksHandler implements IQueryHandler<ExportRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly moments: RiskMoments,
    private readonly restrictedReads: RestrictedReads,
    private readonly referenceData: ReferenceDataQueries,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, visibility, filter, sort, file }: ExportRisksQuery) {
    const moment = await this.moments.at();
    const entries = await this.register.list(filter, { visibility, moment }, sort);
    await this.restrictedReads.record(caller, restrictedIds(entries), file.what);
    const labels =
      file.format === 'csv'
        ? CODES
        : labelsIn(file.language, await this.referenceData.securityAreas());
    return exportFileOf(file.format, file.language, {
      sheet: { sv: 'Riskregister', en: 'Risk register' },
      fileName: 'riskregister',
      columns: riskExportColumns(labels),
      rows: entries.map((entry) => viewOf(entry, moment)),
      selection: file.selection,
      at: this.clock.now(),
    });
  }
}
