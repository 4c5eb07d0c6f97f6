import { Query } from '@nestjs/cqrs';
import type { RiskRegisterView } from '@riskledger/read-models';

export class GetRiskQuery extends Query<RiskRegisterView | null> {
  constructor(
    readonly riskId: string,
    /** The risk as it was at this moment, from the log; the live register entry when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
