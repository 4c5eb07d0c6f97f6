import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterAsOf, RiskRegisterQueries } from '@riskledger/read-models';
import { GetRiskQuery } from './get-risk.query';

@QueryHandler(GetRiskQuery)
export class GetRiskHandler implements IQueryHandler<GetRiskQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
  ) {}

  execute({ riskId, asOf }: GetRiskQuery) {
    return asOf ? this.registerAsOf.get(riskId, asOf) : this.register.get(riskId);
  }
}
