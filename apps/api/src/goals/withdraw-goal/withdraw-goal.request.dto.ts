import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class WithdrawGoalRequest {
  @ApiProperty({
    description: 'Why the goal is withdrawn (shown in the annual report)',
    example: 'The course is replaced by practical evacuation drills',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
