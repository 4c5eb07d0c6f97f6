import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@riskledger/event-store';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { StreamVisibility } from '../../access/stream-visibility';
import { GetIncidentChainQuery } from './get-incident-chain.query';

@QueryHandler(GetIncidentChainQuery)
export class GetIncidentChainHandler implements IQueryHandler<GetIncidentChainQuery> {
  constructor(
    private readonly log: TraceabilityLogQueries,
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
  ) {}

  /** Empty when the caller may not see the incident: to them it does not exist. */
  async execute({ incidentId, visibility }: GetIncidentChainQuery) {
    const events = await this.store.readStream(incidentId);
    if (!(await this.visibility.allows(events, visibility))) return [];
    return this.log.chainOf(incidentId, visibility.cleared);
  }
}
