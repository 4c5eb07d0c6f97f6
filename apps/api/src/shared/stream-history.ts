import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, type Principal } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { visibilityOf } from '../access/caller.decorator';
import { RestrictedReads } from '../access/restricted-reads';
import { StreamVisibility } from '../access/stream-visibility';
import { historyEntryOf, type HistoryEntryResponse } from './history-entry.response';

/** Every event of one risk or incident, in order. */
export class StreamHistoryQuery extends Query<HistoryEntryResponse[]> {
  constructor(
    readonly streamType: 'risk' | 'incident',
    readonly streamId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}

/** Reads the event store itself, not a projection: the history is the record. */
@QueryHandler(StreamHistoryQuery)
export class StreamHistoryHandler implements IQueryHandler<StreamHistoryQuery> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute({ streamType, streamId, caller }: StreamHistoryQuery) {
    const events = await this.store.readStream(streamId);
    // Outside the caller's scope a record does not exist: the same 404 as for none at all.
    if (
      events[0]?.streamType !== streamType ||
      !(await this.visibility.allows(events, visibilityOf(caller, 'history.read')))
    ) {
      throw new NotFoundError(streamType, streamId);
    }
    // Only a risk is ever RESTRICTED (by its classification).
    if (events[0].metadata.classification === 'RESTRICTED') {
      await this.restrictedReads.record(caller, [streamId], `GET /${streamType}s/:id/history`);
    }
    return events.map(historyEntryOf);
  }
}
