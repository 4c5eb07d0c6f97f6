import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { RiskRegisterFilter } from '@riskledger/read-models';
import type { RiskTrendResponse } from './risk-trend.response';

export class RiskTrendQuery extends Query<RiskTrendResponse> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
    readonly months: number,
  ) {
    super();
  }
}
