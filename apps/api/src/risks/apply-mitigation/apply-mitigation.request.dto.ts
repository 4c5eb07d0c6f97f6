import { ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText } from '../../platform/field-rules';

export class ApplyMitigationRequest {
  @ApiPropertyOptional({
    description: 'What was done',
    example: 'Card reader installed 2026-11-20',
    maxLength: 2000,
  })
  @OptionalText(2000)
  note?: string;
}
