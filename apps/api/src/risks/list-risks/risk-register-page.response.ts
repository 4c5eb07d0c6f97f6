import { ApiProperty } from '@nestjs/swagger';
import { RiskRegisterEntryResponse } from '../risk-register-entry.response';

export class RiskRegisterPageResponse {
  @ApiProperty({ type: RiskRegisterEntryResponse, isArray: true, description: 'This page' })
  items!: RiskRegisterEntryResponse[];
  @ApiProperty({
    description: 'Risks matching the filter that the caller may see, on all pages',
    example: 87,
  })
  total!: number;
  @ApiProperty({ description: 'Page size asked for', example: 50 })
  limit!: number;
  @ApiProperty({ description: 'Risks skipped before this page', example: 0 })
  offset!: number;
}
