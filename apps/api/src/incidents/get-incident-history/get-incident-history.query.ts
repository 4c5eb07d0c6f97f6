import { Query } from '@nestjs/cqrs';
import type { Principal } from '@riskledger/domain';
import type { HistoryEntryResponse } from '../../shared/history-entry.response';

export class GetIncidentHistoryQuery extends Query<HistoryEntryResponse[]> {
  constructor(
    readonly incidentId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}
