import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { RiskMoments } from '../risk-moments';
import { RiskMatrixCountsQuery } from './risk-matrix-counts.query';

@QueryHandler(RiskMatrixCountsQuery)
export class RiskMatrixCountsHandler implements IQueryHandler<RiskMatrixCountsQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly moments: RiskMoments,
  ) {}

  async execute({ visibility, filter }: RiskMatrixCountsQuery) {
    const moment = await this.moments.at();
    return this.register.matrix(filter, { visibility, moment });
  }
}
