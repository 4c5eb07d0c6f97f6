import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INCIDENT_KINDS, INCIDENT_STATUSES, OUTWARD_AUTHORITIES } from '@riskledger/domain';

/** The incident register entry as the API documents it (the shape is IncidentRegisterEntry). */
export class LinkedRiskResponse {
  @ApiProperty({ description: 'The linked risk', example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' })
  riskId!: string;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['REALISED', 'REVEALED', 'IDENTIFIED_FROM'],
    description:
      'REALISED: the incident is the risk happening; REVEALED: it showed that the risk exists; ' +
      'IDENTIFIED_FROM: the risk was identified from the incident; null: named at report, ' +
      'relation not yet stated',
    example: 'REALISED',
  })
  relation!: string | null;
  @ApiProperty({ description: 'When the link was recorded', example: '2026-11-22T08:00:00.000Z' })
  linkedAt!: string;
  @ApiProperty({ description: 'Who recorded the link', example: 'anna.berg@region.se' })
  linkedBy!: string;
}

export class DecidedActionResponse {
  @ApiProperty({
    description: 'The linked risk the action treats',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  riskId!: string;
  @ApiProperty({ description: 'What is to be done', example: 'Replace the door closer' })
  description!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The mitigation planned on the risk for it, if named',
    example: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f',
  })
  mitigationId!: string | null;
  @ApiProperty({ description: 'When it was decided', example: '2026-11-25T13:00:00.000Z' })
  decidedAt!: string;
  @ApiProperty({ description: 'Who recorded the decision', example: 'ward.manager@region.se' })
  decidedBy!: string;
}

export class OutwardReportResponse {
  @ApiProperty({ enum: OUTWARD_AUTHORITIES, description: 'Reported to', example: 'IVO' })
  authority!: string;
  @ApiProperty({ description: "The authority's case number", example: 'IVO 3.1-12345/2026' })
  reference!: string;
  @ApiProperty({ description: 'When the report was made', example: '2026-11-22T09:15:00.000Z' })
  reportedAt!: string;
  @ApiProperty({ description: 'When it was recorded here', example: '2026-11-22T09:20:00.000Z' })
  recordedAt!: string;
  @ApiProperty({ description: 'Who recorded it', example: 'patient.safety@region.se' })
  recordedBy!: string;
}

export class IncidentRegisterEntryResponse {
  @ApiProperty({ description: 'The incident', example: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a' })
  incidentId!: string;
  @ApiProperty({ description: 'What happened, in short', example: 'Medicine room found open' })
  title!: string;
  @ApiProperty({ description: 'What happened', example: 'Found open at 03:10; nothing missing.' })
  description!: string;
  @ApiPropertyOptional({
    nullable: true,
    enum: INCIDENT_KINDS,
    description: 'Kind of report; null for reports made before kinds were recorded',
    example: 'DEVIATION',
  })
  kind!: string | null;
  @ApiProperty({
    description: 'Security area code',
    example: 'PHARMACEUTICALS',
  })
  area!: string;
  @ApiProperty({ description: 'Organisational unit', example: 'Hospital North / Ward 12' })
  unit!: string;
  @ApiProperty({ description: 'When it happened', example: '2026-11-22T02:10:00.000Z' })
  occurredAt!: string;
  @ApiProperty({
    description:
      'When it was discovered, which reporting deadlines count from (for reports made before it ' +
      'was asked: when the report was recorded)',
    example: '2026-11-22T03:10:00.000Z',
  })
  discoveredAt!: string;
  @ApiProperty({
    description: 'Whether personal data was affected (then IMY must hear of it); null: not said',
    nullable: true,
    type: Boolean,
    example: null,
  })
  personalDataAffected!: boolean | null;
  @ApiPropertyOptional({
    nullable: true,
    minimum: 1,
    maximum: 5,
    description: 'On the consequence scale, 1 (negligible) to 5 (catastrophic)',
    example: 3,
  })
  severity!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'What was done at once',
    example: 'Room locked, pharmacy informed',
  })
  immediateActions!: string | null;
  @ApiProperty({
    enum: INCIDENT_STATUSES,
    description: 'Where the handling stands; CLOSED and DISMISSED are final',
    example: 'INVESTIGATED',
  })
  status!: string;
  @ApiProperty({ description: 'When it was reported', example: '2026-11-22T07:00:00.000Z' })
  reportedAt!: string;
  @ApiProperty({ description: 'Who reported it', example: 'night.nurse@region.se' })
  reportedBy!: string;
  @ApiProperty({ type: LinkedRiskResponse, isArray: true, description: 'Risks it bears on' })
  linkedRisks!: LinkedRiskResponse[];
  @ApiPropertyOptional({
    nullable: true,
    description: 'What the (latest) investigation found',
    example: 'The door closer had been broken for two weeks.',
  })
  findings!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Why it happened',
    example: 'No routine for reporting door faults',
  })
  rootCause!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When investigated', example: null })
  investigatedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Who recorded it', example: null })
  investigatedBy!: string | null;
  @ApiProperty({ type: DecidedActionResponse, isArray: true, description: 'Actions decided' })
  actions!: DecidedActionResponse[];
  @ApiProperty({ type: OutwardReportResponse, isArray: true, description: 'Reports made outward' })
  outwardReports!: OutwardReportResponse[];
  @ApiProperty({
    enum: OUTWARD_AUTHORITIES,
    isArray: true,
    description: 'Authorities this kind of incident must be reported to',
    example: ['IVO'],
  })
  outwardReportsRequired!: string[];
  @ApiProperty({
    enum: OUTWARD_AUTHORITIES,
    isArray: true,
    description: 'Required authorities not yet reported to; the incident cannot close until empty',
    example: ['IVO'],
  })
  outwardReportsMissing!: string[];
  @ApiPropertyOptional({ nullable: true, description: 'When closed', example: null })
  closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Who closed it', example: null })
  closedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'How it was handled', example: null })
  closingSummary!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'When dismissed', example: null })
  dismissedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Who dismissed it', example: null })
  dismissedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Why dismissed', example: null })
  dismissalReason!: string | null;
  @ApiProperty({ description: 'Last change', example: '2026-11-25T13:00:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who made the last change', example: 'ward.manager@region.se' })
  updatedBy!: string;
  @ApiProperty({
    description: 'Version of the incident this entry reflects; send it as If-Match',
    example: 4,
  })
  version!: number;
}

export class IncidentRegisterPageResponse {
  @ApiProperty({ type: IncidentRegisterEntryResponse, isArray: true, description: 'This page' })
  items!: IncidentRegisterEntryResponse[];
  @ApiProperty({ description: 'Incidents matching the filter, on all pages', example: 132 })
  total!: number;
  @ApiProperty({ description: 'Page size asked for', example: 50 })
  limit!: number;
  @ApiProperty({ description: 'Incidents skipped before this page', example: 0 })
  offset!: number;
}
