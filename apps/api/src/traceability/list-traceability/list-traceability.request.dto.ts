import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalText } from '../../platform/field-rules';

export class ListTraceabilityRequest {
  @ApiPropertyOptional({
    description: 'Only entries of this risk or incident',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  @OptionalText(200)
  streamId?: string;

  @ApiPropertyOptional({
    description:
      'Cursor: only entries after this log position (the last position of the previous page)',
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
