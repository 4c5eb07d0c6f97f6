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

export class RiskProfileResponse {
  @ApiProperty({ description: 'Risks open at the end of the year', example: 7 })
  openAtYearEnd!: number;
  @ApiProperty({
    description: 'Open risks at year end by the level of their latest current assessment',
    example: { LOW: 2, MEDIUM: 3, HIGH: 1, VERY_HIGH: 0, NOT_ASSESSED: 1 },
  })
  levelsAtYearEnd!: Record<string, number>;
  @ApiProperty({
    description:
      'The 5×5 matrix of open risks at year end: rows are likelihood 1 to 5, columns consequence ' +
      '1 to 5, by their latest current assessment (unassessed risks are not in it)',
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    example: [
      [0, 1, 0, 0, 0],
      [0, 0, 2, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1],
    ],
  })
  matrixAtYearEnd!: number[][];
}

export class HighestRiskResponse {
  @ApiProperty({ description: 'Id of the risk', example: '2b7c1f7e-5d4a-4c3b-9a1e-0f2d3c4b5a69' })
  riskId!: string;
  @ApiProperty({ description: 'Its title', example: 'Unlocked medicine room on ward 12' })
  title!: string;
  @ApiProperty({ description: 'Likelihood, 1 to 5', example: 4 })
  likelihood!: number;
  @ApiProperty({ description: 'Consequence, 1 to 5', example: 4 })
  consequence!: number;
  @ApiProperty({ description: 'Likelihood × consequence', example: 16 })
  score!: number;
  @ApiProperty({ description: 'Level of the score', example: 'HIGH' })
  level!: string;
}

export class AreaRisksResponse extends RiskProfileResponse {
  @ApiProperty({ description: 'Risks identified in the year', example: 4 })
  identified!: number;
  @ApiProperty({ description: 'Risks assessed in the year (each counted once)', example: 5 })
  assessed!: number;
  @ApiProperty({ description: 'Risks closed in the year', example: 1 })
  closed!: number;
  @ApiProperty({
    description: 'The same profile at the end of the year before, for the change',
    type: RiskProfileResponse,
  })
  previousYearEnd!: RiskProfileResponse;
  @ApiProperty({
    description: 'The open risks with the highest current score at year end (at most 5)',
    type: [HighestRiskResponse],
  })
  highest!: HighestRiskResponse[];
}

export class IncidentCellResponse {
  @ApiProperty({ description: 'Kind, or NOT_RECORDED', example: 'DEVIATION' })
  kind!: string;
  @ApiProperty({ description: 'Severity 1 to 5, or NOT_RECORDED', example: '2' })
  severity!: string;
  @ApiProperty({ description: 'Incidents reported in the year', example: 4 })
  count!: number;
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
  @ApiProperty({ description: 'Incidents reported in the year before', example: 9 })
  reportedPreviousYear!: number;
  @ApiProperty({
    description: 'By severity 1 to 5; NOT_RECORDED for reports made before it was recorded',
    example: { '1': 2, '2': 6, '3': 3, '4': 1, '5': 0, NOT_RECORDED: 0 },
  })
  bySeverity!: Record<string, number>;
  @ApiProperty({
    description: 'The cells of kind × severity that are not zero',
    type: [IncidentCellResponse],
  })
  byKindAndSeverity!: IncidentCellResponse[];
  @ApiProperty({
    description: 'Reports made to authorities in the year, by authority',
    example: { ARBETSMILJOVERKET: 1, IVO: 0, IMY: 0, MSB: 1, POLICE: 0, OTHER: 0 },
  })
  outwardReports!: Record<string, number>;
  @ApiProperty({
    description:
      "Reports to authorities that the kinds of the year's incidents required and that were not made",
    example: 0,
  })
  outwardReportsMissing!: number;
}

export class AreaMitigationsResponse {
  @ApiProperty({ description: 'Mitigations applied in the year', example: 4 })
  applied!: number;
  @ApiProperty({ description: 'Mitigations whose effect was verified in the year', example: 2 })
  verified!: number;
  @ApiProperty({
    description:
      'Planned on risks open at year end, due before it, and neither applied nor cancelled then',
    example: 1,
  })
  overdueAtYearEnd!: number;
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
    example: '2026-03-31T22:00:00.000Z',
  })
  asOf!: string;
  @ApiProperty({ description: 'The highest log position read', example: 10432 })
  lastPosition!: number;
  @ApiProperty({
    description:
      "Whether the year's report has closed (at the end of the first quarter after the year, when " +
      'the measurement window of its goals ends): it then reads the log up to that moment only, ' +
      'and asking again gives the same report and hash',
    example: true,
  })
  final!: boolean;
  @ApiProperty({
    description:
      'SHA-256 (hex) of the canonical JSON (RFC 8785) of this report without this field; the ' +
      'HTML and PDF documents state it',
    example: '3f0c5a1e9b2d4c6f8a7e1d3b5c9f0a2e4d6b8c1f3a5e7d9b0c2f4a6e8d1b3c5f',
  })
  contentHash!: string;
  @ApiProperty({ description: 'One section per security area', type: [AreaReportResponse] })
  areas!: AreaReportResponse[];
}
