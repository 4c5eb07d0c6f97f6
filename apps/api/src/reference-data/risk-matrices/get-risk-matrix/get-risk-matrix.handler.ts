import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries } from '@riskledger/read-models';
import { GetRiskMatrixQuery } from './get-risk-matrix.query';

@QueryHandler(GetRiskMatrixQuery)
export class GetRiskMatrixHandler implements IQueryHandler<GetRiskMatrixQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  execute({ version }: GetRiskMatrixQuery) {
    return this.queries.riskMatrix(version);
  }
}
