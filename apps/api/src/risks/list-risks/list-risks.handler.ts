import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RiskRegisterQueries } from '@riskledger/read-models';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(private readonly register: RiskRegisterQueries) {}

  execute({ filter }: ListRisksQuery) {
    return this.register.list(filter);
  }
}
