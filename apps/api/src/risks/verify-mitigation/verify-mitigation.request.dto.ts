import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class VerifyMitigationRequest {
  @ApiProperty({
    description: 'The effect seen',
    example: 'No entries after hours in the access log since March',
    maxLength: 2000,
  })
  @RequiredText(2000)
  effect!: string;
}
