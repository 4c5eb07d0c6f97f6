import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsoInstant } from '../../platform/field-rules';

export class GetRiskRequest {
  @ApiPropertyOptional({
    description:
      'The risk as the register held it at this moment (ISO 8601 with time zone), computed from ' +
      'the event log rather than the live register',
    example: '2026-11-20T12:00:00Z',
  })
  @IsOptional()
  @IsoInstant()
  asOf?: string;
}
