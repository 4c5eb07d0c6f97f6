import { ApiProperty } from '@nestjs/swagger';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from '@riskledger/domain';
import { ObligationClockResponse } from '../reporting-clock/reporting-clock.response';

export class ReportingDeadlineResponse {
  @ApiProperty({ description: 'The incident', example: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a' })
  incidentId!: string;
  @ApiProperty({ description: 'What happened, in short', example: 'Ransomware on the lab system' })
  title!: string;
  @ApiProperty({
    description: 'Kind of report',
    enum: INCIDENT_KINDS,
    nullable: true,
    example: 'IT_INCIDENT',
  })
  kind!: string | null;
  @ApiProperty({ description: 'Security area', example: 'IT_SECURITY' })
  area!: string;
  @ApiProperty({ description: 'Organisational unit', example: 'Hospital North / Lab' })
  unit!: string;
  @ApiProperty({
    description: 'Where it is in its handling',
    enum: INCIDENT_STATUSES,
    example: 'REPORTED',
  })
  status!: string;
  @ApiProperty({
    description: 'When it was discovered, which the deadlines count from',
    example: '2026-11-22T03:10:00.000Z',
  })
  discoveredAt!: string;
  @ApiProperty({
    description: 'The earliest deadline of a stage not yet reported',
    example: '2026-11-23T03:10:00.000Z',
  })
  nextDeadline!: string;
  @ApiProperty({ description: 'Some stage is past its deadline unreported', example: false })
  overdue!: boolean;
  @ApiProperty({
    description: 'Each obligation that applies, with its stages (as GET /incidents/{id})',
    type: [ObligationClockResponse],
  })
  reportingClock!: ObligationClockResponse[];
}

export class ReportingDeadlinesResponse {
  @ApiProperty({
    description: 'The most urgent first, at most `limit` of them',
    type: [ReportingDeadlineResponse],
  })
  items!: ReportingDeadlineResponse[];
  @ApiProperty({ description: 'How many incidents have a stage still to report', example: 7 })
  total!: number;
  @ApiProperty({ description: 'How many of them have a stage overdue', example: 2 })
  overdue!: number;
}
