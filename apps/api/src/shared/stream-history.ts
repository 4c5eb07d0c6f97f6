import { Injectable } from '@nestjs/common';
import { NotFoundError, type Principal } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { visibilityOf } from '../access/caller.decorator';
import { RestrictedReads } from '../access/restricted-reads';
import { StreamVisibility } from '../access/stream-visibility';
import { historyEntryOf, type HistoryEntryResponse } from './history-entry.response';

/**
 * Every event of one risk or incident, in order, read from the event store itself, not a
 * projection: the history is the record.
 */
@Injectable()
export class StreamHistory {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async of(
    streamType: 'risk' | 'incident',
    streamId: string,
    caller: Principal,
  ): Promise<HistoryEntryResponse[]> {
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
