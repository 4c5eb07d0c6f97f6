import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ApplyMitigationRequest {
  @ApiPropertyOptional({
    description: 'What was done',
    example: 'Card reader installed 2026-11-20',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
