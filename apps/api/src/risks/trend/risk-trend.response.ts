import { ApiProperty } from '@nestjs/swagger';

export class RiskTrendMonthResponse {
  @ApiProperty({ description: 'The month (in Sweden), YYYY-MM', example: '2025-01' })
  month!: string;

  @ApiProperty({ description: 'Open risks at LOW at the end of the month', example: 12 })
  LOW!: number;

  @ApiProperty({ description: 'Open risks at MEDIUM at the end of the month', example: 30 })
  MEDIUM!: number;

  @ApiProperty({ description: 'Open risks at HIGH at the end of the month', example: 8 })
  HIGH!: number;

  @ApiProperty({ description: 'Open risks at VERY_HIGH at the end of the month', example: 2 })
  VERY_HIGH!: number;

  @ApiProperty({
    description:
      'Open risks at the end of the month, assessed or not (so at least the sum of the levels)',
    example: 53,
  })
  open!: number;
}

export class RiskTrendResponse {
  @ApiProperty({
    type: RiskTrendMonthResponse,
    isArray: true,
    description:
      'Oldest first; each month as the register stood at its end (the running month: now), ' +
      'computed from the event log',
  })
  months!: RiskTrendMonthResponse[];
}
