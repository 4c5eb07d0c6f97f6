import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class CloseRiskRequest {
  @ApiProperty({
    description: 'Why the risk no longer applies',
    example: 'The medicine room was converted to an office',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
