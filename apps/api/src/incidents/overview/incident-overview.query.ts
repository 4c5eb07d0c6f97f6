import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { IncidentRegisterFilter } from '@riskledger/read-models';
import type { IncidentOverviewResponse } from './incident-overview.response';

export class IncidentOverviewQuery extends Query<IncidentOverviewResponse> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: IncidentRegisterFilter,
  ) {
    super();
  }
}
