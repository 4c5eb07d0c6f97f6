import { Query } from '@nestjs/cqrs';
import type { RiskRegisterFilter, RiskRegisterView } from '@riskledger/read-models';

export class ListRisksQuery extends Query<RiskRegisterView[]> {
  constructor(
    readonly filter: RiskRegisterFilter,
    /** The register as it was at this moment, from the log; the live register when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
