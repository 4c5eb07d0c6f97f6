import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsoInstant } from '../../platform/field-rules';
import { RiskFilterRequest } from '../risk-filter.request.dto';

/** The register's filters, now or at a past moment. */
export class RiskFilterAsOfRequest extends RiskFilterRequest {
  @ApiPropertyOptional({
    description:
      'The register as it was at this moment (ISO 8601 with time zone), computed from the event ' +
      'log rather than the live register: risks as they stood then, also those changed since. ' +
      'The filters apply to the risks as they stood then; units and visibility follow the ' +
      'organisation as it stands now',
    example: '2026-11-20T12:00:00Z',
  })
  @IsOptional()
  @IsoInstant()
  asOf?: string;
}
