import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { ListIncidentsQuery } from './list-incidents.query';

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(private readonly register: IncidentRegisterQueries) {}

  execute({ visibility, filter, sort, limit, offset }: ListIncidentsQuery) {
    return this.register.list(filter, { sort, limit, offset, visibility });
  }
}
