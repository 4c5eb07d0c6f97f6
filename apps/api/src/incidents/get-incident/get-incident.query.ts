import { Query } from '@nestjs/cqrs';
import type { Visibility } from '@riskledger/domain';
import type { IncidentRegisterEntry } from '@riskledger/read-models';

/** The incident, or null when it is not in the register or the caller may not see it. */
export class GetIncidentQuery extends Query<IncidentRegisterEntry | null> {
  constructor(
    readonly incidentId: string,
    readonly visibility: Visibility,
  ) {
    super();
  }
}
