import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IncidentFilterRequest } from '../incident-filter.request.dto';
import { INCIDENT_SORTS } from '../incident-sort';
import { PageLimit, PageOffset } from '../../platform/paging';

export class ListIncidentsRequest extends IncidentFilterRequest {
  @ApiPropertyOptional({
    description: 'Sort by this field, descending with a leading "-"; by default -occurredAt',
    enum: INCIDENT_SORTS,
    example: '-severity',
  })
  @IsOptional()
  @IsIn(INCIDENT_SORTS, { message: `sort must be one of ${INCIDENT_SORTS.join(', ')}` })
  sort?: string;

  @PageLimit()
  limit?: number;

  @PageOffset('Incidents')
  offset?: number;
}
