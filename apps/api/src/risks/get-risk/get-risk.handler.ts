import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  RiskRegisterAsOf,
  RiskRegisterQueries,
  viewOf,
  type RiskRegisterView,
} from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds } from '../restricted-ids';
import { GetRiskQuery } from './get-risk.query';

@QueryHandler(GetRiskQuery)
export class GetRiskHandler implements IQueryHandler<GetRiskQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly moments: RiskMoments,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute({ riskId, caller, visibility, asOf }: GetRiskQuery) {
    const view = await this.visibleView(riskId, visibility, asOf);
    if (view) {
      await this.restrictedReads.record(
        caller,
        restrictedIds([view]),
        asOf ? `GET /risks/${riskId}?asOf=${asOf.toISOString()}` : `GET /risks/${riskId}`,
      );
    }
    return view;
  }

  /** From the live register, or the register as of a past moment: the same query over either. */
  private async visibleView(
    riskId: string,
    visibility: GetRiskQuery['visibility'],
    asOf: Date | undefined,
  ): Promise<RiskRegisterView | null> {
    const register = asOf ? this.registerAsOf.at(asOf) : this.register;
    const entry = await register.get(riskId, visibility);
    return entry && viewOf(entry, await this.moments.at(asOf));
  }
}
