import { IncidentFilterRequest } from '../incident-filter.request.dto';
import { INCIDENT_SORTS } from '../incident-sort';
import { PageLimit, PageOffset } from '../../platform/paging';
import { OptionalOneOfField } from '../../shared/request-fields';

export class ListIncidentsRequest extends IncidentFilterRequest {
  @OptionalOneOfField(INCIDENT_SORTS, {
    description: 'Sort by this field, descending with a leading "-"; by default -occurredAt',
    example: '-severity',
  })
  sort?: string;

  @PageLimit()
  limit?: number;

  @PageOffset('Incidents')
  offset?: number;
}
