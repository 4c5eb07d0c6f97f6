import { ApiProperty } from '@nestjs/swagger';
import { RISK_LEVELS, ROLES, type RiskLevel, type Role } from '@riskledger/domain';

export class LocalisedTextResponse {
  @ApiProperty({ description: 'In Swedish', example: 'Inträffar flera gånger per år' })
  sv!: string;
  @ApiProperty({ description: 'In English', example: 'Several times a year' })
  en!: string;
}

export class ScaleStepResponse {
  @ApiProperty({ description: 'The score of the step, 1 to 5', example: 4 })
  value!: number;
  @ApiProperty({
    description: "The step's name",
    type: LocalisedTextResponse,
    example: { sv: 'Hög', en: 'Likely' },
  })
  label!: LocalisedTextResponse;
  @ApiProperty({
    description: 'What the step means, so that two assessors score alike',
    type: LocalisedTextResponse,
  })
  criteria!: LocalisedTextResponse;
}

export class LevelBandResponse {
  @ApiProperty({ description: 'The risk level', enum: RISK_LEVELS, example: 'HIGH' })
  level!: RiskLevel;
  @ApiProperty({
    description: 'The highest risk value (likelihood × consequence) in the band',
    example: 16,
  })
  maxScore!: number;
  @ApiProperty({
    description: 'The roles that may accept a risk at this level; empty if it must be treated',
    enum: ROLES,
    isArray: true,
    example: ['SECURITY_COORDINATOR'],
  })
  acceptableBy!: Role[];
  @ApiProperty({
    description: 'The longest an acceptance holds before it lapses, in days',
    example: 180,
  })
  maxAcceptanceDays!: number;
}

export class RiskMatrixResponse {
  @ApiProperty({ description: 'The version; assessments name the version they used', example: 1 })
  version!: number;
  @ApiProperty({ description: 'The likelihood scale, steps 1 to 5', type: [ScaleStepResponse] })
  likelihoodScale!: ScaleStepResponse[];
  @ApiProperty({ description: 'The consequence scale, steps 1 to 5', type: [ScaleStepResponse] })
  consequenceScale!: ScaleStepResponse[];
  @ApiProperty({
    description: 'The level bands in rising order, the last ending at 25',
    type: [LevelBandResponse],
  })
  bands!: LevelBandResponse[];
  @ApiProperty({
    description: 'When the version was published',
    example: '2026-01-15T09:00:00.000Z',
  })
  publishedAt!: string;
  @ApiProperty({
    description: 'Who published it (riskledger for the built-in version 1)',
    example: 'riskledger',
  })
  publishedBy!: string;
}

export class RiskMatrixPublishedResponse {
  @ApiProperty({ description: 'The version just published, in force from now on', example: 2 })
  version!: number;
}
