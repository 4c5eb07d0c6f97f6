import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { RequiredText } from '../../platform/field-rules';
import { FiniteNumber } from '../goal-field-rules';

export class ReviseGoalRequest {
  @ApiProperty({ description: 'The new indicator value that meets the goal', example: 80 })
  @FiniteNumber()
  targetValue!: number;

  @ApiPropertyOptional({
    description:
      'The new value from which the goal counts as partly met, short of the new target; left ' +
      'out, the goal is met or not met',
    example: 60,
  })
  @IsOptional()
  @FiniteNumber()
  partlyMetFrom?: number;

  @ApiProperty({
    description: 'Why the target changes (shown in the annual report)',
    example: 'Half the staff changed over after the reorganisation in March',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
