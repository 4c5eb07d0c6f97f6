import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  ReferenceDataQueries,
  RiskRegisterAsOf,
  RiskRegisterQueries,
  viewOf,
  type RiskRegisterPage,
  type RiskRegisterView,
} from '@riskledger/read-models';
import { RestrictedReads } from '../../access/restricted-reads';
import { RiskMoments } from '../risk-moments';
import { restrictedIds, selectRisksAsOf } from '../as-of/risks-as-of';
import { ListRisksQuery } from './list-risks.query';

@QueryHandler(ListRisksQuery)
export class ListRisksHandler implements IQueryHandler<ListRisksQuery> {
  constructor(
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceDataQueries: ReferenceDataQueries,
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
    const moment = await this.moments.at(asOf);
    if (!asOf) {
      const page = await this.register.page(
        filter,
        { visibility, moment },
        { sort, limit, offset },
      );
      return { ...page, items: page.items.map((entry) => viewOf(entry, moment)) };
    }
    const views = (await this.registerAsOf.list(asOf)).map((entry) => viewOf(entry, moment));
    const selected = await selectRisksAsOf(
      this.referenceDataQueries,
      views,
      filter,
      visibility,
      sort,
    );
    return { items: selected.slice(offset, offset + limit), total: selected.length, limit, offset };
  }
}
