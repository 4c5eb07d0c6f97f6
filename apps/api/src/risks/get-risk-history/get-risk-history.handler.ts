import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { visibilityOf } from '../../access/caller.decorator';
import { RestrictedReads } from '../../access/restricted-reads';
import { StreamVisibility } from '../../access/stream-visibility';
import { historyEntryOf } from '../../shared/history-entry.response';
import { GetRiskHistoryQuery } from './get-risk-history.query';

/** Reads the event store itself, not a projection: the history is the record. */
@QueryHandler(GetRiskHistoryQuery)
export class GetRiskHistoryHandler implements IQueryHandler<GetRiskHistoryQuery> {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute({ riskId, caller }: GetRiskHistoryQuery) {
    const events = await this.store.readStream(riskId);
    // Outside the caller's scope a risk does not exist: the same 404 as for no risk at all.
    if (
      events[0]?.streamType !== 'risk' ||
      !(await this.visibility.allows(events, visibilityOf(caller, 'history.read')))
    ) {
      throw new NotFoundError('risk', riskId);
    }
    if (events[0].metadata.classification === 'RESTRICTED') {
      await this.restrictedReads.record(caller, [riskId], 'GET /risks/:id/history');
    }
    return events.map(historyEntryOf);
  }
}
