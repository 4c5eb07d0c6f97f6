import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  RiskRegisterQueries,
  viewOf,
  type RiskRegisterPage,
  type RiskRegisterView,
} from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds, RisksAsOf } from '../as-of/risks-as-of';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly risksAsOf: RisksAsOf,
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

  private async page({ visibility, filter, sort, limit, offset, asOf }: ListRisksQuery) {
    if (!asOf) {
      const moment = await this.moments.at();
      const page = await this.register.page(
        filter,
        { visibility, moment },
        { sort, limit, offset },
      );
      return { ...page, items: page.items.map((entry) => viewOf(entry, moment)) };
    }
    return this.risksAsOf.page(asOf, filter, visibility, sort, { limit, offset });
  }
}
