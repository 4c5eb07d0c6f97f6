import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReferenceDataQueries, treeOf } from '@riskledger/read-models';
import { ListOrganisationalUnitsQuery } from './list-organisational-units.query';

@QueryHandler(ListOrganisationalUnitsQuery)
export class ListOrganisationalUnitsHandler implements IQueryHandler<ListOrganisationalUnitsQuery> {
  constructor(private readonly queries: ReferenceDataQueries) {}

  async execute() {
    return treeOf(await this.queries.organisationalUnits());
  }
}
