import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class DismissIncidentRequest {
  @ApiProperty({
    description: 'Why the report is dismissed',
    example: 'Reported twice; see incident 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
