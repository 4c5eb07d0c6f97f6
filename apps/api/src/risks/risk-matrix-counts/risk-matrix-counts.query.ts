import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { RiskMatrixCounts, RiskRegisterFilter } from '@riskledger/read-models';

export class RiskMatrixCountsQuery extends Query<RiskMatrixCounts> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
  ) {
    super();
  }
}
