import { Query } from '@nestjs/cqrs';
import type { RiskRegisterEntry } from '@riskledger/read-models';

export class GetRiskQuery extends Query<RiskRegisterEntry | null> {
  constructor(readonly riskId: string) {
    super();
  }
}
