import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { GetCurrentRiskMatrixQuery } from './get-current-risk-matrix.query';

@QueryHandler(GetCurrentRiskMatrixQuery)
export class GetCurrentRiskMatrixHandler implements IQueryHandler<GetCurrentRiskMatrixQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  execute() {
    return this.queries.currentRiskMatrix();
  }
}
