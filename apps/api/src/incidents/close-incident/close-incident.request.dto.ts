import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class CloseIncidentRequest {
  @ApiProperty({
    description: 'How the incident was handled, in short',
    example: 'Door closer replaced, fault-report routine introduced on the ward.',
    maxLength: 5000,
  })
  @RequiredText(5000)
  summary!: string;
}
