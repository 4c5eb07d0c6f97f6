import { Query } from '@nestjs/cqrs';
import type { OrganisationalUnitNode } from '@riskledger/read-models';

export class ListOrganisationalUnitsQuery extends Query<OrganisationalUnitNode[]> {}
