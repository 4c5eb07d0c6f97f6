import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ReferenceDataQueries,
  RiskRegisterAsOf,
  RiskRegisterQueries,
  unitsNamedBy,
  viewOf,
  type RiskRegisterView,
} from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds, riskIsVisible, subtreesOf } from '../as-of/risks-as-of';
import { GetRiskQuery } from './get-risk.query';

@QueryHandler(GetRiskQuery)
export class GetRiskHandler implements IQueryHandler<GetRiskQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceDataQueries: ReferenceDataQueries,
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

  private async visibleView(
    riskId: string,
    visibility: GetRiskQuery['visibility'],
    asOf: Date | undefined,
  ): Promise<RiskRegisterView | null> {
    const entry = asOf
      ? await this.registerAsOf.get(riskId, asOf)
      : await this.register.get(riskId, visibility);
    if (!entry) return null;
    const view = viewOf(entry, await this.moments.at(asOf));
    if (asOf) {
      const subtreeOf = await subtreesOf(this.referenceDataQueries, unitsNamedBy(visibility));
      if (!riskIsVisible(view, visibility, subtreeOf)) return null;
    }
    return view;
  }
}
