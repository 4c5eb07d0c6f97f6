import { Query } from '@nestjs/cqrs';
import type { RiskRegisterEntry, RiskRegisterFilter } from '@riskledger/read-models';

export class ListRisksQuery extends Query<RiskRegisterEntry[]> {
  constructor(readonly filter: RiskRegisterFilter) {
    super();
  }
}
