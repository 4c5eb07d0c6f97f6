import { Query } from '@nestjs/cqrs';
import type { Principal, Visibility } from '@riskledger/domain';
import type { RiskRegisterView } from '@riskledger/read-models';

/** The risk, or null when it does not exist (then) or the caller may not see it. */
export class GetRiskQuery extends Query<RiskRegisterView | null> {
  constructor(
    readonly riskId: string,
    readonly caller: Principal,
    readonly visibility: Visibility,
    /** The risk as it was at this moment, from the log; the live register entry when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
