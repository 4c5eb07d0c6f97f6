import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentRegisterQueries, ReferenceDataQueries } from '@riskledger/read-models';
import { Clock } from '../../platform/clock';
import { exportFileOf } from '../../platform/table-export';
import { CODES, labelsIn } from '../../shared/export-labels';
import { ExportIncidentsQuery } from './export-incidents.query';
import { incidentExportColumns } from './incidents-csv';

@QueryHandler(ExportIncidentsQuery)
export class ExportIncidentsHandler implements IQueryHandler<ExportIncidentsQuery> {
  constructor(
    private readonly register: IncidentRegisterQueries,
    private readonly referenceData: ReferenceDataQueries,
    private readonly clock: Clock,
  ) {}

  async execute({ visibility, filter, sort, file }: ExportIncidentsQuery) {
    const entries = await this.register.all(filter, sort, undefined, visibility);
    const labels =
      file.format === 'csv'
        ? CODES
        : labelsIn(file.language, await this.referenceData.securityAreas());
    return exportFileOf(file.format, file.language, {
      sheet: { sv: 'Incidenter', en: 'Incidents' },
      fileName: 'incidentregister',
      columns: incidentExportColumns(labels),
      rows: entries,
      selection: file.selection,
      at: this.clock.now(),
    });
  }
}
