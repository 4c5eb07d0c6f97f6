import { Query } from '@nestjs/cqrs';
import type { HistoryEntryResponse } from '../../shared/history-entry.response';

export class GetIncidentHistoryQuery extends Query<HistoryEntryResponse[]> {
  constructor(readonly incidentId: string) {
    super();
  }
}
