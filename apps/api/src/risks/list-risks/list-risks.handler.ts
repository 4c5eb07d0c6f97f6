import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterAsOf, RiskRegisterQueries } from '@riskledger/read-models';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
  ) {}

  execute({ filter, asOf }: ListRisksQuery) {
    return asOf ? this.registerAsOf.list(asOf, filter) : this.register.list(filter);
  }
}
