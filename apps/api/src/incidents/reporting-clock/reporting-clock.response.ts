import { ApiProperty } from '@nestjs/swagger';
import { REPORTING_STAGE_STATUSES } from '@riskledger/domain';
import { ObligationNamesResponse } from '../../reference-data/reporting-obligations/reporting-obligation.response';
import { IncidentRegisterEntryResponse } from '../incident-register-entry.response';

export class ReportingStageClockResponse {
  @ApiProperty({ description: 'The stage in Swedish', example: 'Tidig varning' })
  sv!: string;
  @ApiProperty({ description: 'The stage in English', example: 'Early warning' })
  en!: string;
  @ApiProperty({
    description: 'Hours from discovery; null: without delay (utan dröjsmål)',
    type: 'integer',
    nullable: true,
    example: 24,
  })
  withinHours!: number | null;
  @ApiProperty({
    description: 'The deadline; for "without delay", the moment of discovery',
    example: '2026-11-23T03:10:00.000Z',
  })
  deadline!: string;
  @ApiProperty({
    enum: REPORTING_STAGE_STATUSES,
    description:
      'MET: reported (the n-th report to the authority meets the n-th stage); DUE: deadline ahead; ' +
      'DUE_NOW: without delay, not yet reported; OVERDUE: the deadline passed without a report',
    example: 'DUE',
  })
  status!: string;
  @ApiProperty({
    description: 'When the report that met it was made',
    nullable: true,
    type: String,
    example: null,
  })
  reportedAt!: string | null;
  @ApiProperty({ description: 'Met, but after its deadline', example: false })
  late!: boolean;
  @ApiProperty({
    description: 'Milliseconds from the time of the answer to the deadline; negative once passed',
    example: 68400000,
  })
  msToDeadline!: number;
}

export class ObligationClockResponse extends ObligationNamesResponse {
  @ApiProperty({
    description: 'Its stages, in the order they fall due',
    type: [ReportingStageClockResponse],
  })
  stages!: ReportingStageClockResponse[];
}

export class IncidentWithClockResponse extends IncidentRegisterEntryResponse {
  @ApiProperty({
    type: [ObligationClockResponse],
    description:
      'Rapporteringsklockan: each reporting obligation in force that applies to the incident, ' +
      'its stages, deadlines counted from discovery, and where each stands now (empty for a ' +
      'dismissed incident and one no obligation applies to)',
  })
  reportingClock!: ObligationClockResponse[];
}
