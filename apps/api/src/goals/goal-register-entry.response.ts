import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_DIRECTIONS, GOAL_FULFILMENTS } from '@riskledger/domain';

export class GoalMeasurementResponse {
  @ApiProperty({
    description: 'Id of the measurement',
    example: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
  })
  measurementId!: string;
  @ApiProperty({ description: "The measured value, in the goal's unit", example: 87.5 })
  value!: number;
  @ApiProperty({ description: 'The day the value describes', example: '2026-06-30' })
  measuredOn!: string;
  @ApiPropertyOptional({
    description: 'Where the value comes from',
    nullable: true,
    example: 'From the learning platform',
  })
  note!: string | null;
  @ApiProperty({ description: 'When it was recorded', example: '2026-07-01T08:00:00.000Z' })
  recordedAt!: string;
  @ApiProperty({ description: 'Who recorded it', example: 'fire.safety.lead@region.se' })
  recordedBy!: string;
}

export class GoalRevisionResponse {
  @ApiProperty({ description: 'The target after the revision', example: 80 })
  targetValue!: number;
  @ApiPropertyOptional({
    description: 'The partly-met threshold after it',
    nullable: true,
    example: 60,
  })
  partlyMetFrom!: number | null;
  @ApiProperty({ description: 'The target before the revision', example: 90 })
  previousTargetValue!: number;
  @ApiPropertyOptional({ description: 'The threshold before it', nullable: true, example: 75 })
  previousPartlyMetFrom!: number | null;
  @ApiProperty({ description: 'Why it was revised', example: 'Reorganisation in March' })
  reason!: string;
  @ApiProperty({ description: 'When', example: '2026-04-02T10:00:00.000Z' })
  revisedAt!: string;
  @ApiProperty({ description: 'Who revised it', example: 'security.chief@region.se' })
  revisedBy!: string;
}

/** One security goal as the goal register shows it, with its fulfilment. */
export class GoalRegisterEntryResponse {
  @ApiProperty({ description: 'Id of the goal', example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee' })
  goalId!: string;
  @ApiProperty({ description: 'Security area code', example: 'FIRE_SAFETY' })
  area!: string;
  @ApiProperty({ description: 'The year the goal is set for', example: 2026 })
  year!: number;
  @ApiProperty({
    description: 'The goal in words',
    example: 'All staff know how to act when the fire alarm sounds',
  })
  text!: string;
  @ApiProperty({
    description: 'What is measured',
    example: 'Share of staff who completed the fire safety course',
  })
  indicator!: string;
  @ApiProperty({ description: 'The value that meets the goal', example: 90 })
  targetValue!: number;
  @ApiProperty({ description: 'What the indicator is counted in', example: '%' })
  measurementUnit!: string;
  @ApiProperty({
    description: 'Which way meets the goal',
    enum: GOAL_DIRECTIONS,
    example: 'AT_LEAST',
  })
  direction!: string;
  @ApiPropertyOptional({
    description: 'From this value on the goal counts as partly met',
    nullable: true,
    example: 75,
  })
  partlyMetFrom!: number | null;
  @ApiProperty({
    description: 'ACTIVE, or WITHDRAWN',
    enum: ['ACTIVE', 'WITHDRAWN'],
    example: 'ACTIVE',
  })
  status!: string;
  @ApiPropertyOptional({ description: 'Why it was withdrawn', nullable: true, example: null })
  withdrawnReason!: string | null;
  @ApiPropertyOptional({ description: 'When it was withdrawn', nullable: true, example: null })
  withdrawnAt!: string | null;
  @ApiProperty({
    description: 'Every measurement, in the order recorded',
    type: [GoalMeasurementResponse],
  })
  measurements!: GoalMeasurementResponse[];
  @ApiProperty({ description: 'Every revision of the target', type: [GoalRevisionResponse] })
  revisions!: GoalRevisionResponse[];
  @ApiPropertyOptional({
    description: 'The measurement of the latest day, which the fulfilment is read from',
    type: GoalMeasurementResponse,
    nullable: true,
  })
  latestMeasurement!: GoalMeasurementResponse | null;
  @ApiProperty({
    description:
      'MET, PARTLY_MET or NOT_MET from the latest measurement against the target, direction ' +
      'and threshold; NOT_MEASURED before the first one',
    enum: GOAL_FULFILMENTS,
    example: 'PARTLY_MET',
  })
  fulfilment!: string;
  @ApiProperty({ description: 'When the goal was set', example: '2026-01-20T09:00:00.000Z' })
  setAt!: string;
  @ApiProperty({ description: 'Who set it', example: 'security.chief@region.se' })
  setBy!: string;
  @ApiProperty({ description: 'When it last changed', example: '2026-07-01T08:00:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who changed it last', example: 'fire.safety.lead@region.se' })
  updatedBy!: string;
  @ApiProperty({ description: "The goal stream's version (its ETag)", example: 2 })
  version!: number;
}
