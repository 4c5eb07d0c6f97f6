import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { GetRiskQuery } from './get-risk.query';

@QueryHandler(GetRiskQuery)
export class GetRiskHandler implements IQueryHandler<GetRiskQuery> {
  constructor(private readonly register: RiskRegisterQueries) {}

  execute({ riskId }: GetRiskQuery) {
    return this.register.get(riskId);
  }
}
