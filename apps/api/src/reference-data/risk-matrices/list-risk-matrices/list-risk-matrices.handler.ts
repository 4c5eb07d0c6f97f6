import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { ListRiskMatricesQuery } from './list-risk-matrices.query';

@QueryHandler(ListRiskMatricesQuery)
export class ListRiskMatricesHandler implements IQueryHandler<ListRiskMatricesQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  execute() {
    return this.queries.riskMatrices();
  }
}
