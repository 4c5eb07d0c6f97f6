import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { ExportIncidentsQuery } from './export-incidents.query';
import { incidentsCsv } from './incidents-csv';

@QueryHandler(ExportIncidentsQuery)
export class ExportIncidentsHandler implements IQueryHandler<ExportIncidentsQuery> {
  constructor(private readonly register: IncidentRegisterQueries) {}

  async execute({ visibility, filter, sort }: ExportIncidentsQuery) {
    return incidentsCsv(await this.register.all(filter, sort, undefined, visibility));
  }
}
