import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { matrixCountsOf, RiskRegisterQueries } from '@riskledger/read-models';
import { RisksAsOf } from '../as-of/risks-as-of';
import { RiskMoments } from '../risk-moments';
import { RiskMatrixCountsQuery } from './risk-matrix-counts.query';

@QueryHandler(RiskMatrixCountsQuery)
export class RiskMatrixCountsHandler implements IQueryHandler<RiskMatrixCountsQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly risksAsOf: RisksAsOf,
    private readonly moments: RiskMoments,
  ) {}

  async execute({ visibility, filter, asOf }: RiskMatrixCountsQuery) {
    if (asOf) return matrixCountsOf(await this.risksAsOf.select(asOf, filter, visibility));
    const moment = await this.moments.at();
    return this.register.matrix(filter, { visibility, moment });
  }
}
