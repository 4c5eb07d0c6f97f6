import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsoInstant } from '../../platform/field-rules';
import { RiskFilterRequest } from '../risk-filter.request.dto';
import { RISK_SORTS } from '../risk-sort';
import { PageLimit, PageOffset } from '../../platform/paging';

export class ListRisksRequest extends RiskFilterRequest {
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

  @ApiPropertyOptional({
    description:
      'The register as it was at this moment (ISO 8601 with time zone), computed from the event ' +
      'log rather than the live register: risks as they stood then, also those changed since. ' +
      'The filters, order and paging apply to the risks as they stood then; units and ' +
      'visibility follow the organisation as it stands now',
    example: '2026-11-20T12:00:00Z',
  })
  @IsOptional()
  @IsoInstant()
  asOf?: string;
}
