import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { IsOptional } from 'class-validator';
import { AreaCode } from '../../platform/field-rules';

export class ListRisksRequest {
  @ApiPropertyOptional({
    description: 'Only risks in this security area',
    enum: SECURITY_AREA_CODES,
    example: 'IT_SECURITY',
  })
  @IsOptional()
  @AreaCode()
  area?: string;
}
