import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { IsOptional } from 'class-validator';
import { AreaCode, IsoInstant } from '../../platform/field-rules';

export class ListRisksRequest {
  @ApiPropertyOptional({
    description: 'Only risks in this security area',
    enum: SECURITY_AREA_CODES,
    example: 'IT_SECURITY',
  })
  @IsOptional()
  @AreaCode()
  area?: string;

  @ApiPropertyOptional({
    description:
      'The register as it was at this moment (ISO 8601 with time zone), computed from the event ' +
      'log rather than the live register: risks as they stood then, also those changed since',
    example: '2026-11-20T12:00:00Z',
  })
  @IsOptional()
  @IsoInstant()
  asOf?: string;
}
