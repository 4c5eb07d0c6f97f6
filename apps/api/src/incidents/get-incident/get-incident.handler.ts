import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { GetIncidentQuery } from './get-incident.query';

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(private readonly register: IncidentRegisterQueries) {}

  execute({ incidentId, visibility }: GetIncidentQuery) {
    return this.register.get(incidentId, visibility);
  }
}
