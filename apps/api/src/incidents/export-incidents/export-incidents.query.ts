import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { IncidentRegisterFilter, IncidentSort } from '@riskledger/read-models';

/** The export as CSV text. */
export class ExportIncidentsQuery extends Query<string> {
  constructor(
    readonly visibility: Visibility,
    readonly filter: IncidentRegisterFilter,
    readonly sort: IncidentSort,
  ) {
    super();
  }
}
