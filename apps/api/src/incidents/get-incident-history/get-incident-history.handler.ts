import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { historyEntryOf } from '../../shared/history-entry.response';
import { GetIncidentHistoryQuery } from './get-incident-history.query';

/** Reads the event store itself, not a projection: the history is the record. */
@QueryHandler(GetIncidentHistoryQuery)
export class GetIncidentHistoryHandler implements IQueryHandler<GetIncidentHistoryQuery> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ incidentId }: GetIncidentHistoryQuery) {
    const events = await this.store.readStream(incidentId);
    if (events[0]?.streamType !== 'incident') throw new NotFoundError('incident', incidentId);
    return events.map(historyEntryOf);
  }
}
