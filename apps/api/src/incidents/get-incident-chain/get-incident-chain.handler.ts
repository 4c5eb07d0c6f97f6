import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { GetIncidentChainQuery } from './get-incident-chain.query';

@QueryHandler(GetIncidentChainQuery)
export class GetIncidentChainHandler implements IQueryHandler<GetIncidentChainQuery> {
  constructor(private readonly log: TraceabilityLogQueries) {}

  execute({ incidentId }: GetIncidentChainQuery) {
    return this.log.chainOf(incidentId);
  }
}
