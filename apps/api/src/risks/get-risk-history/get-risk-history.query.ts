import { Query } from '@nestjs/cqrs';
import type { HistoryEntryResponse } from '../../shared/history-entry.response';

export class GetRiskHistoryQuery extends Query<HistoryEntryResponse[]> {
  constructor(readonly riskId: string) {
    super();
  }
}
