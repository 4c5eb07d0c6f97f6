import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class RevokeRiskAcceptanceRequest {
  @ApiProperty({
    description: 'Why the acceptance no longer holds',
    example: 'The card reader has failed twice this month',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
