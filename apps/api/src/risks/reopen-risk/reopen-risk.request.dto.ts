import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class ReopenRiskRequest {
  @ApiProperty({
    description: 'Why the risk applies again',
    example: 'The room is used for medicines again',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
