import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RiskFilterAsOfRequest } from '../as-of/risk-filter-as-of.request.dto';
import { RISK_SORTS } from '../risk-sort';
import { PageLimit, PageOffset } from '../../platform/paging';

export class ListRisksRequest extends RiskFilterAsOfRequest {
  @ApiPropertyOptional({
    description:
      'Sort by this field, descending with a leading "-" (level: LOW < MEDIUM < HIGH < ' +
      'VERY_HIGH; risks without a value last either way); by default identifiedAt',
    enum: RISK_SORTS,
    example: '-score',
  })
  @IsOptional()
  @IsIn(RISK_SORTS, { message: `sort must be one of ${RISK_SORTS.join(', ')}` })
  sort?: string;

  @PageLimit()
  limit?: number;

  @PageOffset('Risks')
  offset?: number;
}
