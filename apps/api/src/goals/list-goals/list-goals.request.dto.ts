import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AreaCodeFormat } from '../goal-field-rules';

export class ListGoalsRequest {
  @ApiPropertyOptional({ description: 'Only goals of this security area', example: 'FIRE_SAFETY' })
  @IsOptional()
  @AreaCodeFormat()
  area?: string;

  @ApiPropertyOptional({
    description: 'Only goals set for this year',
    example: 2026,
    minimum: 1,
    maximum: 9999,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9999)
  year?: number;
}
