import { ApiPropertyOptional } from '@nestjs/swagger';
import { InvalidValueError, SECURITY_AREA_CODES, STREAM_TYPES } from '@riskledger/domain';
import type { TraceabilityFilter } from '@riskledger/read-models';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AreaCode, IsoInstant, OptionalText, QueryFlag } from '../../platform/field-rules';
import { OptionalTextField } from '../../shared/request-fields';

/** What the log is searched by: the list, its count and its export share it. */
export class TraceabilityFilterRequest {
  @ApiPropertyOptional({
    description: 'Only entries of this risk or incident',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  @OptionalText(200)
  streamId?: string;

  @ApiPropertyOptional({
    description: 'Only entries of risks, or of incidents',
    enum: STREAM_TYPES,
    example: 'incident',
  })
  @IsOptional()
  @IsIn(STREAM_TYPES)
  streamType?: string;

  @ApiPropertyOptional({
    description: 'Only what this person or system did (the X-Actor of the change)',
    example: 'anna.berg@region.se',
  })
  @OptionalText(200)
  actor?: string;

  @ApiPropertyOptional({
    // Not an enum: a region adds areas of its own (GET /security-areas lists them).
    description:
      'Only entries of risks and incidents in this security area (a code of GET /security-areas, ' +
      `e.g. ${SECURITY_AREA_CODES.slice(0, 3).join(', ')})`,
    example: 'PHARMACEUTICALS',
  })
  @IsOptional()
  @AreaCode()
  area?: string;

  @OptionalTextField(200, {
    description: 'Only entries of risks and incidents of this organisational unit (its code)',
    example: 'WARD12',
  })
  unit?: string;

  @ApiPropertyOptional({
    description: 'With unit: also the entries of every unit below it in the organisational tree',
    example: true,
  })
  @QueryFlag('includeSubunits')
  includeSubunits?: boolean;

  @ApiPropertyOptional({
    description: 'Only events of this type',
    example: 'RiskAssessed',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Za-z0-9]{0,99}$/, {
    message: 'eventType must be an event type name such as RiskAssessed',
  })
  eventType?: string;

  @ApiPropertyOptional({
    description: 'Only events of this flow (the X-Correlation-Id of the requests)',
    example: '7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70',
  })
  @OptionalText(200)
  correlationId?: string;

  @ApiPropertyOptional({
    description: 'Only events this request, event or incident caused (their causation id)',
    example: '9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  })
  @OptionalText(200)
  causationId?: string;

  @ApiPropertyOptional({
    description: 'Only entries recorded at or after this time (ISO 8601, with time zone)',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsoInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'Only entries recorded before this time (ISO 8601, with time zone)',
    example: '2026-12-01T00:00:00+01:00',
  })
  @IsOptional()
  @IsoInstant()
  to?: string;
}

export class ListTraceabilityRequest extends TraceabilityFilterRequest {
  @ApiPropertyOptional({
    description:
      'Cursor: only entries after this log position (the last position of the previous page, ' +
      'also given in the Link header when there may be more)',
    example: 0,
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Beyond this a number loses integer precision, and PostgreSQL refuses it as a bigint (a 500).
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({
    description: 'Page size',
    example: 100,
    minimum: 1,
    maximum: 1000,
    default: 100,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** The filter of a checked request; includeSubunits without a unit is refused. */
export function traceabilityFilterOf(
  query: TraceabilityFilterRequest,
  cleared: boolean,
): Omit<TraceabilityFilter, 'after' | 'limit'> {
  if (query.includeSubunits && query.unit === undefined) {
    throw new InvalidValueError('includeSubunits', 'needs a unit to take the subunits of');
  }
  const instant = (value: string | undefined) => (value ? new Date(value) : undefined);
  return {
    streamId: query.streamId,
    streamType: query.streamType,
    actor: query.actor,
    area: query.area,
    unit: query.unit,
    includeSubunits: query.includeSubunits,
    eventType: query.eventType,
    correlationId: query.correlationId,
    causationId: query.causationId,
    from: instant(query.from),
    to: instant(query.to),
    cleared,
  };
}
