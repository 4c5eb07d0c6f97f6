import { Query } from '@nestjs/cqrs';
import type { Principal } from '@riskledger/domain';
import type { HistoryEntryResponse } from '../../shared/history-entry.response';

export class GetRiskHistoryQuery extends Query<HistoryEntryResponse[]> {
  constructor(
    readonly riskId: string,
    readonly caller: Principal,
  ) {
    super();
  }
}
