import { ApiProperty } from '@nestjs/swagger';
import { INCIDENT_KINDS, OUTWARD_AUTHORITIES } from '@riskledger/domain';

export class ReportingStageResponse {
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
}

/** What names an obligation: its code, authority and what is reported, in both languages. */
export class ObligationNamesResponse {
  @ApiProperty({ description: 'The obligation code', example: 'MSB_SIGNIFICANT_IT_INCIDENT' })
  code!: string;
  @ApiProperty({
    description: 'The authority the report goes to',
    enum: OUTWARD_AUTHORITIES,
    example: 'MSB',
  })
  authority!: string;
  @ApiProperty({
    description: 'What is reported, in Swedish',
    example: 'Betydande IT-incident (cybersäkerhetslagen)',
  })
  sv!: string;
  @ApiProperty({
    description: 'What is reported, in English',
    example: 'Significant IT incident (Cybersecurity Act, NIS2)',
  })
  en!: string;
}

export class ReportingObligationResponse extends ObligationNamesResponse {
  @ApiProperty({
    description: 'The kinds of incident it applies to',
    enum: INCIDENT_KINDS,
    isArray: true,
    example: ['IT_INCIDENT'],
  })
  kinds!: string[];
  @ApiProperty({
    description: 'Applies also to any incident where personal data was affected',
    example: false,
  })
  personalData!: boolean;
  @ApiProperty({
    description: 'The reports in the order they fall due, each counted from discovery',
    type: [ReportingStageResponse],
  })
  stages!: ReportingStageResponse[];
  @ApiProperty({ description: 'One of the four seeded, not added by the region', example: true })
  builtIn!: boolean;
  @ApiProperty({ description: 'Retired: owed by no incident from then on', example: false })
  retired!: boolean;
  @ApiProperty({ description: 'Why it was retired', nullable: true, example: null })
  retiredReason!: string | null;
  @ApiProperty({ description: 'When it was registered', example: '2026-01-15T09:00:00.000Z' })
  registeredAt!: string;
  @ApiProperty({ description: 'When it last changed', example: '2026-03-02T10:30:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who changed it last', example: 'anna.berg@region.se' })
  updatedBy!: string;
}

export class ReportingObligationChangedResponse {
  @ApiProperty({ description: 'The obligation code', example: 'MSB_SIGNIFICANT_IT_INCIDENT' })
  code!: string;
  @ApiProperty({
    description: "The obligation's version after the change (use it in If-Match)",
    example: 2,
  })
  version!: number;
}
