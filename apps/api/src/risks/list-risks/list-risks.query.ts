import { Query } from '@nestjs/cqrs';
import type { Principal, Visibility } from '@riskledger/domain';
import type {
  RiskRegisterFilter,
  RiskRegisterPage,
  RiskRegisterView,
  RiskSort,
} from '@riskledger/read-models';

export class ListRisksQuery extends Query<RiskRegisterPage<RiskRegisterView>> {
  constructor(
    readonly caller: Principal,
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
    readonly sort: RiskSort,
    readonly limit: number,
    readonly offset: number,
    /** The register as it was at this moment, from the log; the live register when absent. */
    readonly asOf?: Date,
  ) {
    super();
  }
}
