import { Query } from '@nestjs/cqrs';
import type { TraceabilityEntry, TraceabilityFilter } from '@riskledger/read-models';

export class ListTraceabilityQuery extends Query<TraceabilityEntry[]> {
  constructor(readonly filter: TraceabilityFilter) {
    super();
  }
}
