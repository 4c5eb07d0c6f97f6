import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RiskFilterRequest } from '../risk-filter.request.dto';

export const MAX_TREND_MONTHS = 120;
const MONTHS_MESSAGE = `months must be a whole number from 1 to ${MAX_TREND_MONTHS}`;

export class RiskTrendRequest extends PickType(RiskFilterRequest, [
  'area',
  'unit',
  'includeSubunits',
] as const) {
  @ApiPropertyOptional({
    description: 'How many months, the running one included; 24 by default',
    minimum: 1,
    maximum: MAX_TREND_MONTHS,
    example: 24,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: MONTHS_MESSAGE })
  @Min(1, { message: MONTHS_MESSAGE })
  @Max(MAX_TREND_MONTHS, { message: MONTHS_MESSAGE })
  months?: number;
}
