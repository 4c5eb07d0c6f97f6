import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { visibilityOf } from '../../access/caller.decorator';
import { StreamVisibility } from '../../access/stream-visibility';
import { historyEntryOf } from '../../shared/history-entry.response';
import { GetIncidentHistoryQuery } from './get-incident-history.query';

/** Reads the event store itself, not a projection: the history is the record. */
@QueryHandler(GetIncidentHistoryQuery)
export class GetIncidentHistoryHandler implements IQueryHandler<GetIncidentHistoryQuery> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
  ) {}

  async execute({ incidentId, caller }: GetIncidentHistoryQuery) {
    const events = await this.store.readStream(incidentId);
    // Outside the caller's scope an incident does not exist: the same 404 as for none at all.
    if (
      events[0]?.streamType !== 'incident' ||
      !(await this.visibility.allows(events, visibilityOf(caller, 'history.read')))
    ) {
      throw new NotFoundError('incident', incidentId);
    }
    return events.map(historyEntryOf);
  }
}
