import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_DIRECTIONS } from '@riskledger/domain';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { AreaCodeFormat, FiniteNumber } from '../goal-field-rules';
import { TextField } from '../../shared/request-fields';

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

  @TextField(2000, {
    description: 'The goal in words',
    example: 'All staff know how to act when the fire alarm sounds',
  })
  text!: string;

  @TextField(500, {
    description: 'What is measured to follow the goal up',
    example: 'Share of staff who completed the fire safety course',
  })
  indicator!: string;

  @ApiProperty({ description: 'The indicator value that meets the goal', example: 90 })
  @FiniteNumber()
  targetValue!: number;

  @TextField(50, { description: 'What the indicator is counted in', example: '%' })
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
