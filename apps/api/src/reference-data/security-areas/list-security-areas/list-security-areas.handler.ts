import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { ListSecurityAreasQuery } from './list-security-areas.query';

@QueryHandler(ListSecurityAreasQuery)
export class ListSecurityAreasHandler implements IQueryHandler<ListSecurityAreasQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  execute() {
    return this.queries.securityAreas();
  }
}
