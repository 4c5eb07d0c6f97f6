import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class CancelMitigationRequest {
  @ApiProperty({
    description: 'Why it is cancelled',
    example: 'The ward moves to the new building in May',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
