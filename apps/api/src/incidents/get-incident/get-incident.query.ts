import { Query } from '@nestjs/cqrs';
import type { IncidentRegisterEntry } from '@riskledger/read-models';

export class GetIncidentQuery extends Query<IncidentRegisterEntry | null> {
  constructor(readonly incidentId: string) {
    super();
  }
}
