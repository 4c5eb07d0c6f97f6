import { Query } from '@nestjs/cqrs';
import type { Principal, Visibility } from '@riskledger/domain';
import type { RiskRegisterFilter, RiskSort } from '@riskledger/read-models';

/** The export as CSV text: the risks the caller may see that match the filter. */
export class ExportRisksQuery extends Query<string> {
  constructor(
    readonly caller: Principal,
    readonly visibility: Visibility,
    readonly filter: RiskRegisterFilter,
    readonly sort: RiskSort,
  ) {
    super();
  }
}
