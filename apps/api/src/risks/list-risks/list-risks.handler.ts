import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  RiskRegisterAsOf,
  RiskRegisterQueries,
  viewOf,
  type RiskRegisterPage,
  type RiskRegisterView,
} from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds } from '../restricted-ids';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly moments: RiskMoments,
    private readonly restrictedReads: RestrictedReads,
  ) {}

  async execute(query: ListRisksQuery): Promise<RiskRegisterPage<RiskRegisterView>> {
    const page = await this.page(query);
    await this.restrictedReads.record(
      query.caller,
      restrictedIds(page.items),
      query.asOf ? `GET /risks?asOf=${query.asOf.toISOString()}` : 'GET /risks',
    );
    return page;
  }

  /** The live register, or the register as of a past moment: the same query over either. */
  private async page({ visibility, filter, sort, limit, offset, asOf }: ListRisksQuery) {
    const register = asOf ? this.registerAsOf.at(asOf) : this.register;
    const moment = await this.moments.at(asOf);
    const page = await register.page(filter, { visibility, moment }, { sort, limit, offset });
    return { ...page, items: page.items.map((entry) => viewOf(entry, moment)) };
  }
}
