import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional } from 'class-validator';
import { AreaCodeFormat } from '../goal-field-rules';

export class ListGoalsRequest {
  @ApiPropertyOptional({ description: 'Only goals of this security area', example: 'FIRE_SAFETY' })
  @IsOptional()
  @AreaCodeFormat()
  area?: string;

  @ApiPropertyOptional({ description: 'Only goals set for this year', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;
}
