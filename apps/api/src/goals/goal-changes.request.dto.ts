import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CalendarDate, FiniteNumber } from './goal-field-rules';
import { OptionalTextField, TextField } from '../shared/request-fields';

export class MeasureIndicatorRequest {
  @ApiPropertyOptional({
    description:
      'Id of this measurement, chosen by the caller so that a retried request is recognised ' +
      '(409) instead of counted twice; generated when left out',
    format: 'uuid',
    example: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
  })
  @IsOptional()
  @IsUUID()
  measurementId?: string;

  @ApiProperty({ description: "The measured value, in the goal's measurement unit", example: 87.5 })
  @FiniteNumber()
  value!: number;

  @ApiProperty({
    description:
      "The day the value describes (YYYY-MM-DD): in the goal's year, or in the first quarter " +
      'after it for year-end figures; not after today',
    example: '2026-06-30',
  })
  @CalendarDate()
  measuredOn!: string;

  @OptionalTextField(2000, {
    description: 'Where the value comes from or what it covers',
    example: 'From the learning platform, all permanent staff',
  })
  note?: string;
}

export class MeasureIndicatorResponse {
  @ApiProperty({
    description: 'Id of the recorded measurement',
    example: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
  })
  measurementId!: string;

  @ApiProperty({ description: "The goal's version after the measurement", example: 2 })
  version!: number;
}

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

export class WithdrawGoalRequest {
  @TextField(2000, {
    description: 'Why the goal is withdrawn (shown in the annual report)',
    example: 'The course is replaced by practical evacuation drills',
  })
  reason!: string;
}
