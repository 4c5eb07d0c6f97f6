import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSESSMENT_BASES,
  MITIGATION_KINDS,
  RISK_CLASSIFICATIONS,
  RISK_LEVELS,
  type AcceptedAssessment,
  type AssessmentBasis,
  type MitigationKind,
  type RiskClassification,
  type RiskLevel,
} from '@riskledger/domain';
import type {
  LinkedIncident,
  RegisterAcceptance,
  RegisterAcceptanceStatus,
  RegisterMitigationStatus,
  RegisterAssessment,
  RegisterMitigation,
  RiskRegisterView,
  ScorePoint,
} from '@riskledger/read-models';

const AT = '2026-11-23T09:00:00.000Z';

/**
 * The register entry as the API documents it: the documentation of RiskRegisterView, which each
 * class implements, so that the document cannot drift from the model.
 */
export class RegisterMitigationResponse implements RegisterMitigation {
  @ApiProperty({ description: 'The mitigation', example: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f' })
  mitigationId!: string;
  @ApiProperty({
    description: 'What will be done',
    example: 'Replace the door closer and add card access',
  })
  title!: string;
  @ApiProperty({
    description: 'Eliminates, limits or monitors the risk',
    enum: MITIGATION_KINDS,
    example: 'LIMIT',
  })
  kind!: MitigationKind;
  @ApiPropertyOptional({
    description: 'Who carries it out',
    nullable: true,
    example: 'facilities@region.se',
  })
  owner!: string | null;
  @ApiPropertyOptional({ description: 'Due date', nullable: true, example: '2026-12-31' })
  dueDate!: string | null;
  @ApiPropertyOptional({
    description: 'Expected effect on the risk',
    nullable: true,
    example: 'Only staff can enter',
  })
  expectedEffect!: string | null;
  @ApiPropertyOptional({
    description: 'Supplier carrying it out',
    nullable: true,
    example: 'Lock & Door AB',
  })
  supplier!: string | null;
  @ApiProperty({
    description: 'Where the mitigation stands',
    enum: ['PLANNED', 'IN_PROGRESS', 'APPLIED', 'VERIFIED', 'CANCELLED'],
    example: 'PLANNED',
  })
  status!: RegisterMitigationStatus;
  @ApiProperty({ description: 'When it was planned', example: AT }) plannedAt!: string;
  @ApiPropertyOptional({ description: 'When work started', nullable: true, example: null })
  startedAt!: string | null;
  @ApiPropertyOptional({ description: 'When it was applied', nullable: true, example: null })
  appliedAt!: string | null;
  @ApiPropertyOptional({
    description: 'What was done, noted when applied',
    nullable: true,
    example: null,
  })
  note!: string | null;
  @ApiPropertyOptional({
    description: 'When its effect was verified',
    nullable: true,
    example: null,
  })
  verifiedAt!: string | null;
  @ApiPropertyOptional({
    description: 'The effect seen at follow-up',
    nullable: true,
    example: null,
  })
  effect!: string | null;
  @ApiPropertyOptional({ description: 'When it was cancelled', nullable: true, example: null })
  cancelledAt!: string | null;
  @ApiPropertyOptional({ description: 'Why it was cancelled', nullable: true, example: null })
  cancellationReason!: string | null;
}

export class RegisterAssessmentResponse implements RegisterAssessment {
  @ApiProperty({ description: 'Likelihood, 1 to 5', example: 3 }) likelihood!: number;
  @ApiProperty({ description: 'Consequence, 1 to 5', example: 4 }) consequence!: number;
  @ApiProperty({ description: 'likelihood × consequence', example: 12 }) score!: number;
  @ApiProperty({
    description: 'Level in the matrix version used',
    enum: RISK_LEVELS,
    example: 'HIGH',
  })
  level!: RiskLevel;
  @ApiProperty({ description: 'Risk matrix version used', example: 1 }) matrixVersion!: number;
  @ApiProperty({ description: 'When it was assessed', example: AT }) assessedAt!: string;
  @ApiProperty({ description: 'Who assessed it', example: 'anna.berg@region.se' })
  assessedBy!: string;
  @ApiPropertyOptional({
    description: 'Why it was scored so',
    nullable: true,
    example: 'Door closer broken',
  })
  reason!: string | null;
  @ApiProperty({ description: 'Warnings given when it was recorded', type: [String], example: [] })
  warnings!: string[];
}

export class RegisterAssessmentsResponse {
  @ApiPropertyOptional({
    description: 'Before any treatment',
    type: RegisterAssessmentResponse,
    nullable: true,
  })
  inherent!: RegisterAssessmentResponse | null;
  @ApiPropertyOptional({
    description: 'As it stands today',
    type: RegisterAssessmentResponse,
    nullable: true,
  })
  current!: RegisterAssessmentResponse | null;
  @ApiPropertyOptional({
    description: 'Target (residual) risk after the planned treatment',
    type: RegisterAssessmentResponse,
    nullable: true,
  })
  target!: RegisterAssessmentResponse | null;
}

export class AcceptedAssessmentResponse implements AcceptedAssessment {
  @ApiProperty({ description: 'The basis accepted', enum: ASSESSMENT_BASES, example: 'TARGET' })
  basis!: AssessmentBasis;
  @ApiProperty({ description: 'Likelihood, 1 to 5', example: 2 }) likelihood!: number;
  @ApiProperty({ description: 'Consequence, 1 to 5', example: 4 }) consequence!: number;
  @ApiProperty({ description: 'likelihood × consequence', example: 8 }) score!: number;
  @ApiProperty({ description: 'Level', enum: RISK_LEVELS, example: 'MEDIUM' }) level!: RiskLevel;
  @ApiProperty({ description: 'Risk matrix version', example: 1 }) matrixVersion!: number;
}

export class RegisterAcceptanceResponse implements RegisterAcceptance {
  @ApiProperty({ description: 'The acceptance', example: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' })
  acceptanceId!: string;
  @ApiProperty({
    description: 'Why the risk was accepted',
    example: 'Further treatment is not proportionate',
  })
  justification!: string;
  @ApiProperty({ description: 'Who accepted it', example: 'head.of.care@region.se' })
  acceptedBy!: string;
  @ApiProperty({ description: 'The role they accepted in', example: 'AREA_RESPONSIBLE' })
  acceptedByRole!: string;
  @ApiProperty({ description: 'When', example: AT }) acceptedAt!: string;
  @ApiProperty({ description: 'The assessment accepted, frozen', type: AcceptedAssessmentResponse })
  residual!: AcceptedAssessmentResponse;
  @ApiProperty({ description: 'The day it lapses unless renewed', example: '2027-06-30' })
  lapsesOn!: string;
  @ApiProperty({
    description: 'IN_FORCE, or how it ended',
    enum: ['IN_FORCE', 'REVOKED', 'LAPSED', 'REPLACED'],
    example: 'IN_FORCE',
  })
  status!: RegisterAcceptanceStatus;
  @ApiPropertyOptional({ description: 'When it ended', nullable: true, example: null }) endedAt!:
    string | null;
  @ApiPropertyOptional({ description: 'Why it was revoked', nullable: true, example: null })
  revocationReason!: string | null;
}

export class LinkedIncidentResponse implements Omit<LinkedIncident, 'position'> {
  @ApiProperty({ description: 'The incident', example: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a' })
  incidentId!: string;
  @ApiProperty({
    description: 'REALISED: the risk happened; REVEALED: the incident showed the risk exists',
    enum: ['REALISED', 'REVEALED'],
    example: 'REALISED',
  })
  relation!: LinkedIncident['relation'];
  @ApiProperty({ description: 'When it was linked', example: AT }) linkedAt!: string;
}

export class ScorePointResponse implements ScorePoint {
  @ApiProperty({ description: 'When it was assessed', example: AT }) at!: string;
  @ApiProperty({ description: 'The basis assessed', enum: ASSESSMENT_BASES, example: 'CURRENT' })
  basis!: AssessmentBasis;
  @ApiProperty({ description: 'Likelihood', example: 3 }) likelihood!: number;
  @ApiProperty({ description: 'Consequence', example: 4 }) consequence!: number;
  @ApiProperty({ description: 'likelihood × consequence', example: 12 }) score!: number;
  @ApiProperty({ description: 'Level', enum: RISK_LEVELS, example: 'HIGH' }) level!: RiskLevel;
  @ApiProperty({ description: 'Risk matrix version', example: 1 }) matrixVersion!: number;
}

export class RiskScenarioResponse {
  @ApiProperty({ description: 'Because of <cause> ...', example: 'a broken door closer' })
  cause!: string;
  @ApiProperty({ description: '... <event> happens ...', example: 'unauthorised people enter' })
  event!: string;
  @ApiProperty({ description: '... which leads to <consequence>', example: 'theft of narcotics' })
  consequence!: string;
}

/** Log positions (of links, of the last review) travel too; the document leaves them out. */
export class RiskRegisterEntryResponse implements Omit<
  RiskRegisterView,
  'linkedIncidents' | 'reviewedAtPosition'
> {
  @ApiProperty({ description: 'The risk', example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' })
  riskId!: string;
  @ApiProperty({ description: 'Short name', example: 'Unlocked medicine room on ward 12' })
  title!: string;
  @ApiProperty({
    description: 'The risk in words',
    example: 'Because the door closer is broken, ...',
  })
  description!: string;
  @ApiPropertyOptional({
    description: 'The MSB form, part by part',
    type: RiskScenarioResponse,
    nullable: true,
  })
  scenario!: RiskScenarioResponse | null;
  @ApiPropertyOptional({
    description: 'The threat behind the risk',
    nullable: true,
    example: 'Theft',
  })
  threat!: string | null;
  @ApiProperty({ description: 'Primary security area', example: 'PHARMACEUTICALS' }) area!: string;
  @ApiProperty({
    description: 'Further security areas',
    type: [String],
    example: ['CRIME_PREVENTION'],
  })
  additionalAreas!: string[];
  @ApiProperty({ description: 'Organisational unit', example: 'Hospital North / Ward 12' })
  unit!: string;
  @ApiPropertyOptional({
    description: 'Risk owner',
    nullable: true,
    example: 'ward.manager@region.se',
  })
  owner!: string | null;
  @ApiPropertyOptional({ description: 'Supplier concerned', nullable: true, example: null })
  supplier!: string | null;
  @ApiPropertyOptional({ description: 'Contract concerned', nullable: true, example: null })
  contract!: string | null;
  @ApiProperty({ description: 'Who may see it', enum: RISK_CLASSIFICATIONS, example: 'OPEN' })
  classification!: RiskClassification;
  @ApiPropertyOptional({
    description: 'Incident it was identified from',
    nullable: true,
    example: null,
  })
  sourceIncidentId!: string | null;
  @ApiProperty({ description: 'OPEN or CLOSED', enum: ['OPEN', 'CLOSED'], example: 'OPEN' })
  status!: RiskRegisterView['status'];
  @ApiPropertyOptional({ description: 'When it was closed', nullable: true, example: null })
  closedAt!: string | null;
  @ApiPropertyOptional({ description: 'Why it was closed', nullable: true, example: null })
  closedReason!: string | null;
  @ApiPropertyOptional({
    description: 'Headline likelihood: of the current assessment, else the inherent one',
    nullable: true,
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  likelihood!: number | null;
  @ApiPropertyOptional({
    description: 'Headline consequence (as likelihood)',
    nullable: true,
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  consequence!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Headline likelihood × consequence',
    example: 12,
  })
  score!: number | null;
  @ApiPropertyOptional({
    description: 'Headline level',
    nullable: true,
    enum: RISK_LEVELS,
    example: 'HIGH',
  })
  level!: RiskLevel | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Risk matrix version of the headline level',
    example: 1,
  })
  matrixVersion!: number | null;
  @ApiPropertyOptional({
    description: 'When the headline assessment was made',
    nullable: true,
    example: AT,
  })
  assessedAt!: string | null;
  @ApiProperty({
    description: 'The latest assessment of each basis',
    type: RegisterAssessmentsResponse,
  })
  assessments!: RegisterAssessmentsResponse;
  @ApiProperty({
    description: 'Every assessment over time, oldest first',
    type: ScorePointResponse,
    isArray: true,
  })
  scoreHistory!: ScorePointResponse[];
  @ApiProperty({
    description: 'Its mitigations, in the order planned',
    type: RegisterMitigationResponse,
    isArray: true,
  })
  mitigations!: RegisterMitigationResponse[];
  @ApiPropertyOptional({
    description: 'The acceptance in force',
    type: RegisterAcceptanceResponse,
    nullable: true,
  })
  acceptance!: RegisterAcceptanceResponse | null;
  @ApiProperty({
    description: 'Acceptances no longer in force',
    type: RegisterAcceptanceResponse,
    isArray: true,
  })
  pastAcceptances!: RegisterAcceptanceResponse[];
  @ApiPropertyOptional({
    description: 'When it is next to be reviewed',
    nullable: true,
    example: '2027-11-23',
  })
  nextReviewDate!: string | null;
  @ApiPropertyOptional({ description: 'When it was last reviewed', nullable: true, example: null })
  lastReviewedAt!: string | null;
  @ApiProperty({
    description: 'Incidents that realised or revealed it',
    type: LinkedIncidentResponse,
    isArray: true,
  })
  linkedIncidents!: LinkedIncidentResponse[];
  @ApiProperty({
    description: 'Incidents linked since the last review or assessment, in words',
    type: [String],
    example: [],
  })
  reviewReasons!: string[];
  @ApiProperty({ description: 'The next review date has passed (open risks)', example: false })
  reviewOverdue!: boolean;
  @ApiProperty({
    description: 'A planned or started mitigation is past due (open risks)',
    example: false,
  })
  mitigationOverdue!: boolean;
  @ApiProperty({
    description:
      'An incident was linked since the last review or assessment, or the headline assessment used an older matrix version',
    example: false,
  })
  needsReview!: boolean;
  @ApiProperty({ description: 'Why it needs review', type: [String], example: [] })
  needsReviewBecause!: string[];
  @ApiProperty({ description: 'When it was identified', example: AT }) identifiedAt!: string;
  @ApiProperty({ description: 'Who identified it', example: 'anna.berg@region.se' })
  identifiedBy!: string;
  @ApiProperty({ description: 'When the risk last changed', example: '2026-11-23T09:05:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who changed it last', example: 'anna.berg@region.se' })
  updatedBy!: string;
  @ApiProperty({
    description: 'Version of the risk this entry reflects; send it as If-Match',
    example: 3,
  })
  version!: number;
}
