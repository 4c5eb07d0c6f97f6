import { ApiProperty } from '@nestjs/swagger';

const OPEN = "GET /risks?status=OPEN plus the request's filters";

/** Open risks per headline level (the current assessment, or the inherent one while none). */
export class LevelCountsResponse {
  @ApiProperty({ description: `Open risks at LOW: ${OPEN}&level=LOW`, example: 12 })
  LOW!: number;

  @ApiProperty({ description: `Open risks at MEDIUM: ${OPEN}&level=MEDIUM`, example: 30 })
  MEDIUM!: number;

  @ApiProperty({ description: `Open risks at HIGH: ${OPEN}&level=HIGH`, example: 8 })
  HIGH!: number;

  @ApiProperty({ description: `Open risks at VERY_HIGH: ${OPEN}&level=VERY_HIGH`, example: 2 })
  VERY_HIGH!: number;
}

export class AreaLevelCountsResponse extends LevelCountsResponse {
  @ApiProperty({
    description:
      'The security area; a risk counts under its primary and each additional area, as ' +
      "GET /risks?area= finds it (add &area= to each level's query)",
    example: 'PHARMACEUTICALS',
  })
  area!: string;

  @ApiProperty({
    description: `Open risks in the area, assessed or not: ${OPEN}&area=<area>`,
    example: 14,
  })
  total!: number;
}

export class ReviewCountsResponse {
  @ApiProperty({
    description: `Open risks whose next review date has passed: ${OPEN}&reviewOverdue=true`,
    example: 3,
  })
  overdue!: number;

  @ApiProperty({
    description:
      'Open risks due for review from today up to and including horizon (not yet overdue): ' +
      `${OPEN}&reviewOverdue=false&reviewDueBefore=<horizon>`,
    example: 5,
  })
  dueWithin30Days!: number;
}

export class AcceptanceCountsResponse {
  @ApiProperty({
    description:
      'Open risks with an acceptance in force that lapses on or before horizon (also one whose ' +
      `date has passed and that the daily sweep has yet to end): ${OPEN}&acceptanceLapsesBefore=<horizon>`,
    example: 1,
  })
  lapsingWithin30Days!: number;
}

export class MitigationCountsResponse {
  @ApiProperty({
    description:
      'Open risks with a planned or started mitigation past its due date (risks, not ' +
      `mitigations): ${OPEN}&mitigationOverdue=true`,
    example: 4,
  })
  overdue!: number;
}

export class RiskOverviewResponse {
  @ApiProperty({ description: 'When the numbers were read', example: '2026-12-05T08:00:00.000Z' })
  asOf!: string;

  @ApiProperty({
    description: 'The calendar day in Sweden the numbers are judged on (overdue is before it)',
    example: '2026-12-05',
  })
  today!: string;

  @ApiProperty({
    description: 'today + 30 days: the day the "within 30 days" numbers look up to, inclusive',
    example: '2027-01-04',
  })
  horizon!: string;

  @ApiProperty({ description: `Open risks, assessed or not: ${OPEN}`, example: 52 })
  open!: number;

  @ApiProperty({ type: LevelCountsResponse, description: 'Open risks by headline level' })
  byLevel!: LevelCountsResponse;

  @ApiProperty({
    type: AreaLevelCountsResponse,
    isArray: true,
    description:
      'Open risks by security area and level, areas with open risks only, by code (with an ' +
      'area filter: that area only)',
  })
  byAreaAndLevel!: AreaLevelCountsResponse[];

  @ApiProperty({ type: ReviewCountsResponse, description: 'Reviews overdue and coming due' })
  reviews!: ReviewCountsResponse;

  @ApiProperty({ type: AcceptanceCountsResponse, description: 'Acceptances coming to lapse' })
  acceptances!: AcceptanceCountsResponse;

  @ApiProperty({ type: MitigationCountsResponse, description: 'Mitigations past their due date' })
  mitigations!: MitigationCountsResponse;

  @ApiProperty({
    description:
      'Open risks that need review (an incident linked since the last review or assessment, ' +
      `a yearly re-assessment asked for, or assessed with an older matrix): ${OPEN}&needsReview=true`,
    example: 6,
  })
  needsReview!: number;
}
