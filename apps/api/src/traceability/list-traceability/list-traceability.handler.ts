import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { ListTraceabilityQuery } from './list-traceability.query';

@QueryHandler(ListTraceabilityQuery)
export class ListTraceabilityHandler implements IQueryHandler<ListTraceabilityQuery> {
  constructor(private readonly log: TraceabilityLogQueries) {}

  execute({ filter }: ListTraceabilityQuery) {
    return this.log.list(filter);
  }
}
