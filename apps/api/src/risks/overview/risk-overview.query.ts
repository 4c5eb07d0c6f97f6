import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { RiskRegisterFilter } from '@riskledger/read-models';
import type { RiskOverviewResponse } from './risk-overview.response';

export class RiskOverviewQuery extends Query<RiskOverviewResponse> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
  ) {
    super();
  }
}
