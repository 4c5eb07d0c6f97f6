import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterAsOf, RiskRegisterQueries } from '@riskledger/read-models';
import { RiskMoments } from '../risk-moments';
import { RiskMatrixCountsQuery } from './risk-matrix-counts.query';

@QueryHandler(RiskMatrixCountsQuery)
export class RiskMatrixCountsHandler implements IQueryHandler<RiskMatrixCountsQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly moments: RiskMoments,
  ) {}

  async execute({ visibility, filter, asOf }: RiskMatrixCountsQuery) {
    const register = asOf ? this.registerAsOf.at(asOf) : this.register;
    return register.matrix(filter, { visibility, moment: await this.moments.at(asOf) });
  }
}
