import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_DIRECTIONS, GOAL_FULFILMENTS } from '@riskledger/domain';

export class ReportedGoalRevisionResponse {
  @ApiProperty({ description: 'The target after the revision', example: 80 })
  targetValue!: number;
  @ApiProperty({ description: 'The target before it', example: 90 })
  previousTargetValue!: number;
  @ApiProperty({ description: 'Why it was revised', example: 'Reorganisation in March' })
  reason!: string;
}

export class ReportedGoalResponse {
  @ApiProperty({ description: 'Id of the goal', example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee' })
  goalId!: string;
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
    description: 'From this value on, partly met',
    type: Number,
    nullable: true,
    example: 75,
  })
  partlyMetFrom!: number | null;
  @ApiProperty({ description: 'ACTIVE or WITHDRAWN', example: 'ACTIVE' })
  status!: string;
  @ApiPropertyOptional({
    description: 'The latest measured value',
    type: Number,
    nullable: true,
    example: 92,
  })
  latestValue!: number | null;
  @ApiPropertyOptional({
    description: 'The day it describes',
    type: String,
    nullable: true,
    example: '2025-12-31',
  })
  latestMeasuredOn!: string | null;
  @ApiProperty({ description: 'How the goal stands', enum: GOAL_FULFILMENTS, example: 'MET' })
  fulfilment!: string;
  @ApiProperty({
    description: 'Revisions of the target, with reasons',
    type: [ReportedGoalRevisionResponse],
  })
  revisions!: ReportedGoalRevisionResponse[];
  @ApiPropertyOptional({
    description: 'Why it was withdrawn',
    type: String,
    nullable: true,
    example: null,
  })
  withdrawnReason!: string | null;
}

export class AreaGoalsResponse {
  @ApiProperty({ description: 'Goals set for the year', example: 3 })
  total!: number;
  @ApiProperty({ description: 'Met', example: 1 })
  met!: number;
  @ApiProperty({ description: 'Partly met', example: 1 })
  partlyMet!: number;
  @ApiProperty({ description: 'Not met', example: 0 })
  notMet!: number;
  @ApiProperty({ description: 'Never measured', example: 0 })
  notMeasured!: number;
  @ApiProperty({ description: 'Withdrawn (listed, not counted above)', example: 1 })
  withdrawn!: number;
  @ApiProperty({ description: 'Each goal', type: [ReportedGoalResponse] })
  items!: ReportedGoalResponse[];
}

export class AreaRisksResponse {
  @ApiProperty({ description: 'Risks identified in the year', example: 4 })
  identified!: number;
  @ApiProperty({ description: 'Risks assessed in the year (each counted once)', example: 5 })
  assessed!: number;
  @ApiProperty({ description: 'Risks closed in the year', example: 1 })
  closed!: number;
  @ApiProperty({ description: 'Risks open at the end of the year', example: 7 })
  openAtYearEnd!: number;
  @ApiProperty({
    description: 'Open risks at year end by the level of their latest current assessment',
    example: { LOW: 2, MEDIUM: 3, HIGH: 1, VERY_HIGH: 0, NOT_ASSESSED: 1 },
  })
  levelsAtYearEnd!: Record<string, number>;
}

export class AreaIncidentsResponse {
  @ApiProperty({ description: 'Incidents reported in the year', example: 12 })
  reported!: number;
  @ApiProperty({
    description: 'By kind; NOT_RECORDED for reports made before kinds were recorded',
    example: {
      DEFICIENCY: 3,
      DEVIATION: 6,
      NEAR_MISS: 2,
      SERIOUS_NEAR_MISS: 0,
      ACCIDENT: 1,
      CARE_INJURY: 0,
      IT_INCIDENT: 0,
      NOT_RECORDED: 0,
    },
  })
  byKind!: Record<string, number>;
}

export class AreaMitigationsResponse {
  @ApiProperty({ description: 'Mitigations applied in the year', example: 4 })
  applied!: number;
  @ApiProperty({ description: 'Mitigations whose effect was verified in the year', example: 2 })
  verified!: number;
}

export class AreaReportResponse {
  @ApiProperty({ description: 'Security area code', example: 'FIRE_SAFETY' })
  area!: string;
  @ApiProperty({ description: 'Goals and their fulfilment', type: AreaGoalsResponse })
  goals!: AreaGoalsResponse;
  @ApiProperty({ description: 'Risk analyses', type: AreaRisksResponse })
  risks!: AreaRisksResponse;
  @ApiProperty({ description: 'Incidents', type: AreaIncidentsResponse })
  incidents!: AreaIncidentsResponse;
  @ApiProperty({ description: 'Follow-up and improvements', type: AreaMitigationsResponse })
  mitigations!: AreaMitigationsResponse;
}

export class ReportPeriodResponse {
  @ApiProperty({
    description: 'Swedish New Year, as an instant',
    example: '2024-12-31T23:00:00.000Z',
  })
  from!: string;
  @ApiProperty({
    description: 'The next New Year (exclusive)',
    example: '2025-12-31T23:00:00.000Z',
  })
  until!: string;
}

export class AnnualSecurityReportResponse {
  @ApiProperty({ description: 'The year reported on', example: 2025 })
  year!: number;
  @ApiProperty({ description: 'The year as instants', type: ReportPeriodResponse })
  period!: ReportPeriodResponse;
  @ApiProperty({
    description:
      'The log was read as recorded up to this moment; pass it as asOf to get the same report again',
    example: '2026-03-31T21:59:59.000Z',
  })
  asOf!: string;
  @ApiProperty({ description: 'The highest log position read', example: 10432 })
  lastPosition!: number;
  @ApiProperty({ description: 'One section per security area', type: [AreaReportResponse] })
  areas!: AreaReportResponse[];
}
