import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries, treeOf } from '@riskledger/read-models';
import { GetOrganisationalUnitQuery } from './get-organisational-unit.query';

@QueryHandler(GetOrganisationalUnitQuery)
export class GetOrganisationalUnitHandler implements IQueryHandler<GetOrganisationalUnitQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  async execute({ code }: GetOrganisationalUnitQuery) {
    const [unit] = treeOf(await this.queries.unitWithSubtree(code));
    return unit ?? null;
  }
}
