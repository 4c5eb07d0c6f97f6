import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type {
  IncidentRegisterFilter,
  IncidentRegisterPage,
  IncidentSort,
} from '@riskledger/read-models';

export class ListIncidentsQuery extends Query<IncidentRegisterPage> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: IncidentRegisterFilter,
    readonly sort: IncidentSort,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}
