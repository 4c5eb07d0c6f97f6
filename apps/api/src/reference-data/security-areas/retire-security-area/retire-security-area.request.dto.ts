import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../../platform/field-rules';

export class RetireSecurityAreaRequest {
  @ApiProperty({
    description: 'Why the area is no longer used',
    example: 'Merged into protective security (säkerhetsskydd)',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
