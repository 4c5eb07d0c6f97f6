import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_DIRECTIONS } from '@riskledger/domain';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { RequiredText } from '../../platform/field-rules';
import { AreaCodeFormat, FiniteNumber } from '../goal-field-rules';

export class SetGoalRequest {
  @ApiProperty({
    description: 'Code of a security area in use (the 14 seeded ones or one the region added)',
    example: 'FIRE_SAFETY',
  })
  @AreaCodeFormat()
  area!: string;

  @ApiProperty({
    description: 'The year the goal is set for: from 2000 to three years ahead',
    minimum: 2000,
    example: 2026,
  })
  @IsInt()
  year!: number;

  @ApiProperty({
    description: 'The goal in words',
    example: 'All staff know how to act when the fire alarm sounds',
    maxLength: 2000,
  })
  @RequiredText(2000)
  text!: string;

  @ApiProperty({
    description: 'What is measured to follow the goal up',
    example: 'Share of staff who completed the fire safety course',
    maxLength: 500,
  })
  @RequiredText(500)
  indicator!: string;

  @ApiProperty({ description: 'The indicator value that meets the goal', example: 90 })
  @FiniteNumber()
  targetValue!: number;

  @ApiProperty({
    description: 'What the indicator is counted in',
    example: '%',
    maxLength: 50,
  })
  @RequiredText(50)
  measurementUnit!: string;

  @ApiProperty({
    description:
      'AT_LEAST: met at or above the target (e.g. share trained); AT_MOST: met at or below it ' +
      '(e.g. number of serious near misses)',
    enum: GOAL_DIRECTIONS,
    example: 'AT_LEAST',
  })
  @IsIn(GOAL_DIRECTIONS)
  direction!: string;

  @ApiPropertyOptional({
    description:
      'From this value on the goal counts as partly met; short of the target (below it for ' +
      'AT_LEAST, above it for AT_MOST). Without it a goal is met or not met.',
    example: 75,
  })
  @IsOptional()
  @FiniteNumber()
  partlyMetFrom?: number;
}

export class SetGoalResponse {
  @ApiProperty({
    description: 'Id of the new goal',
    example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
  })
  id!: string;
}
