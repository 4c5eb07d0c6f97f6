import { Query } from '@nestjs/cqrs';
import type { OrganisationalUnitNode } from '@riskledger/read-models';

export class GetOrganisationalUnitQuery extends Query<OrganisationalUnitNode | null> {
  constructor(readonly code: string) {
    super();
  }
}
