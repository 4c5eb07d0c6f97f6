import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { ChainEntry } from '@riskledger/read-models';

export class GetIncidentChainQuery extends Query<ChainEntry[]> {
  constructor(
    readonly incidentId: string,
    readonly visibility: Visibility,
  ) {
    super();
  }
}
