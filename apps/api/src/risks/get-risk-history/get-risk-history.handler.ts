import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { historyEntryOf } from '../../shared/history-entry.response';
import { GetRiskHistoryQuery } from './get-risk-history.query';

/** Reads the event store itself, not a projection: the history is the record. */
@QueryHandler(GetRiskHistoryQuery)
export class GetRiskHistoryHandler implements IQueryHandler<GetRiskHistoryQuery> {
  constructor(private readonly store: PostgresEventStore) {}

  async execute({ riskId }: GetRiskHistoryQuery) {
    const events = await this.store.readStream(riskId);
    if (events.length === 0 || events[0].streamType !== 'risk')
      throw new NotFoundError('risk', riskId);
    return events.map(historyEntryOf);
  }
}
