import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { FiniteNumber } from '../goal-field-rules';
import { TextField } from '../../shared/text-field';

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

  @TextField(2000, {
    description: 'Why the target changes (shown in the annual report)',
    example: 'Half the staff changed over after the reorganisation in March',
  })
  reason!: string;
}
