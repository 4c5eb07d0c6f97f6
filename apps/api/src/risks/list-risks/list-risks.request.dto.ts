import { ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { IsIn, IsOptional } from 'class-validator';

export class ListRisksRequest {
  @ApiPropertyOptional({
    description: 'Only risks in this security area',
    enum: SECURITY_AREA_CODES,
    example: 'IT_SECURITY',
  })
  @IsOptional()
  @IsIn(SECURITY_AREA_CODES, { message: `area must be one of ${SECURITY_AREA_CODES.join(', ')}` })
  area?: string;
}
