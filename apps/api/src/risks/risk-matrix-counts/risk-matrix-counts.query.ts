import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { RiskMatrixCounts, RiskRegisterFilter } from '@riskledger/read-models';

export class RiskMatrixCountsQuery extends Query<RiskMatrixCounts> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
    /** The register as it was at this moment, from the log; the live register when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
