import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../../platform/field-rules';

export class RetireReportingObligationRequest {
  @ApiProperty({
    description: 'Why the obligation no longer applies',
    example: 'Replaced by the obligation under the new law',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
