import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_CLASSIFICATIONS } from '@riskledger/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { AreaCode } from '../../platform/field-rules';
import { OptionalOneOfField, OptionalTextField, TextField } from '../../shared/request-fields';

const AREA_CODE = /^[A-Z][A-Z0-9_]*$/;

/** The MSB form: because of <cause>, <event> happens, which leads to <consequence>. */
export class RiskScenarioRequest {
  @TextField(1000, { description: 'Because of <cause> ...', example: 'a broken door closer' })
  cause!: string;

  @TextField(1000, {
    description: '... <event> happens ...',
    example: 'unauthorised people enter the medicine room',
  })
  event!: string;

  @TextField(1000, {
    description: '... which leads to <consequence>',
    example: 'theft of narcotics',
  })
  consequence!: string;
}

export class IdentifyRiskRequest {
  @TextField(200, {
    description: 'Short name of the risk',
    example: 'Unlocked medicine room on ward 12',
  })
  title!: string;

  @OptionalTextField(5000, {
    description:
      'The risk in words: because of <cause>, <event> happens, which leads to <consequence>. ' +
      'May be left out when scenario is given; it is then written from it.',
    example:
      'Because the door closer is broken, unauthorised people can enter, which leads to theft of narcotics.',
  })
  description?: string;

  @ApiPropertyOptional({
    description: 'The risk in the MSB form, part by part',
    type: RiskScenarioRequest,
  })
  @IsOptional()
  @IsObject({ message: 'scenario must be an object with cause, event and consequence' })
  @ValidateNested()
  @Type(() => RiskScenarioRequest)
  scenario?: RiskScenarioRequest;

  @OptionalTextField(1000, {
    description: 'The threat (hot): the possible undesired event or exposure behind the risk',
    example: 'Theft of narcotics by visitors or staff',
  })
  threat?: string;

  @ApiProperty({
    description:
      'Primary security area: the code of an area in use (the 14 standard ones or a region’s own)',
    example: 'PHARMACEUTICALS',
  })
  @AreaCode()
  area!: string;

  @ApiPropertyOptional({
    description: 'Further security areas the risk concerns',
    example: ['CRIME_PREVENTION'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(AREA_CODE, {
    each: true,
    message: 'additionalAreas must hold security area codes, e.g. IT_SECURITY',
  })
  additionalAreas?: string[];

  @TextField(200, {
    description: 'Organisational unit the risk belongs to',
    example: 'Hospital North / Ward 12',
  })
  unit!: string;

  @OptionalTextField(200, { description: 'Risk owner', example: 'ward.manager@region.se' })
  owner?: string;

  @OptionalTextField(200, {
    description: 'Supplier whose delivery the risk concerns',
    example: 'Lock & Door AB',
  })
  supplier?: string;

  @OptionalTextField(200, {
    description: 'Contract reference the risk concerns',
    example: 'RV-2024-113',
  })
  contract?: string;

  @OptionalOneOfField(RISK_CLASSIFICATIONS, {
    description:
      'OPEN (default) or RESTRICTED: restricted risks concern protective security (säkerhetsskydd)',
    example: 'OPEN',
  })
  classification?: string;

  @ApiPropertyOptional({
    description:
      'When the risk is next to be reviewed (YYYY-MM-DD); a year from today when left out',
    example: '2027-06-30',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextReviewDate must be a date written YYYY-MM-DD' })
  nextReviewDate?: string;

  @ApiPropertyOptional({
    description:
      'The incident the risk was identified from; recorded as the causation of the risk’s events ' +
      'unless X-Causation-Id says otherwise',
    example: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
  })
  @IsOptional()
  @IsUUID('all', { message: 'sourceIncidentId must be an incident id (a UUID)' })
  sourceIncidentId?: string;

  @ApiPropertyOptional({
    description:
      'Initial likelihood of the current risk, 1 (rare) to 5 (almost certain); give with consequence',
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood?: number;

  @ApiPropertyOptional({
    description:
      'Initial consequence of the current risk, 1 (negligible) to 5 (catastrophic); give with likelihood',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  consequence?: number;
}

export class IdentifyRiskResponse {
  @ApiProperty({
    description: 'The id of what was created',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  id!: string;
}
