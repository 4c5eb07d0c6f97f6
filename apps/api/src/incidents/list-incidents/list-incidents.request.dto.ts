import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IncidentFilterRequest } from '../incident-filter.request.dto';
import { INCIDENT_SORTS } from '../incident-sort';

export class ListIncidentsRequest extends IncidentFilterRequest {
  @ApiPropertyOptional({
    description: 'Sort by this field, descending with a leading "-"; by default -occurredAt',
    enum: INCIDENT_SORTS,
    example: '-severity',
  })
  @IsOptional()
  @IsIn(INCIDENT_SORTS, { message: `sort must be one of ${INCIDENT_SORTS.join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({
    description: 'Page size, 1 to 500',
    minimum: 1,
    maximum: 500,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 500' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Incidents to skip (paging)', minimum: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number, 0 or more' })
  @Min(0)
  offset?: number;
}
