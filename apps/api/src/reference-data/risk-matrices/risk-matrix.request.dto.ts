import { ApiProperty } from '@nestjs/swagger';
import { DEFAULT_MATRIX, RISK_LEVELS, ROLES } from '@riskledger/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TextField } from '../../shared/request-fields';

export class LabelRequest {
  @TextField(100, { description: 'In Swedish', example: 'Hög' })
  sv!: string;

  @TextField(100, { description: 'In English', example: 'Likely' })
  en!: string;
}

export class CriteriaRequest {
  @TextField(1000, { description: 'In Swedish', example: 'Inträffar flera gånger per år' })
  sv!: string;

  @TextField(1000, { description: 'In English', example: 'Several times a year' })
  en!: string;
}

export class ScaleStepRequest {
  @ApiProperty({
    description: 'The score of the step; the steps are 1 to 5 in order',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  value!: number;

  @ApiProperty({
    description: "The step's name",
    type: LabelRequest,
    example: { sv: 'Hög', en: 'Likely' },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => LabelRequest)
  label!: LabelRequest;

  @ApiProperty({
    description: 'What the step means, so that two assessors score alike',
    type: CriteriaRequest,
    example: { sv: 'Inträffar flera gånger per år', en: 'Several times a year' },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => CriteriaRequest)
  criteria!: CriteriaRequest;
}

export class LevelBandRequest {
  @ApiProperty({
    description: 'The risk level; bands rise LOW, MEDIUM, HIGH, VERY_HIGH',
    enum: RISK_LEVELS,
    example: 'HIGH',
  })
  @IsIn(RISK_LEVELS)
  level!: string;

  @ApiProperty({
    description:
      "The highest risk value (likelihood × consequence) in the band, above the previous band's; the last is 25",
    minimum: 1,
    maximum: 25,
    example: 16,
  })
  @IsInt()
  @Min(1)
  @Max(25)
  maxScore!: number;

  @ApiProperty({
    description: 'The roles that may accept a risk at this level; empty if it must be treated',
    enum: ROLES,
    isArray: true,
    example: ['SECURITY_COORDINATOR'],
  })
  @IsArray()
  @IsIn(ROLES, {
    each: true,
    message: ({ property }) => `${property} must name only roles among ${ROLES.join(', ')}`,
  })
  acceptableBy!: string[];

  @ApiProperty({
    description:
      'The longest an acceptance at this level holds before it lapses (days); 0 when no role may accept',
    minimum: 0,
    maximum: 3650,
    example: 180,
  })
  @IsInt()
  @Min(0)
  @Max(3650)
  maxAcceptanceDays!: number;
}

const LEVEL_BAND_EXAMPLE = [
  { level: 'LOW', maxScore: 3, acceptableBy: ['RISK_OWNER'], maxAcceptanceDays: 365 },
  { level: 'MEDIUM', maxScore: 7, acceptableBy: ['AREA_RESPONSIBLE'], maxAcceptanceDays: 365 },
  { level: 'HIGH', maxScore: 14, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 90 },
  { level: 'VERY_HIGH', maxScore: 25, acceptableBy: [], maxAcceptanceDays: 0 },
];

export class PublishRiskMatrixRequest {
  @ApiProperty({
    description: 'The likelihood scale (sannolikhet): 5 steps, valued 1 to 5 in order',
    type: [ScaleStepRequest],
    example: DEFAULT_MATRIX.likelihoodScale,
  })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepRequest)
  likelihoodScale!: ScaleStepRequest[];

  @ApiProperty({
    description: 'The consequence scale (konsekvens): 5 steps, valued 1 to 5 in order',
    type: [ScaleStepRequest],
    example: DEFAULT_MATRIX.consequenceScale,
  })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepRequest)
  consequenceScale!: ScaleStepRequest[];

  @ApiProperty({
    description:
      'The level bands in rising order, the last ending at 25, with who may accept and for how long',
    type: [LevelBandRequest],
    example: LEVEL_BAND_EXAMPLE,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LevelBandRequest)
  bands!: LevelBandRequest[];
}
