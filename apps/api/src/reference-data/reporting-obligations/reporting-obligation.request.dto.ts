import { ApiProperty } from '@nestjs/swagger';
import { INCIDENT_KINDS, OUTWARD_AUTHORITIES } from '@riskledger/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { RequiredText } from '../../platform/field-rules';
import { OneOfField, TextField } from '../../shared/request-fields';

export class ReportingStageRequest {
  @TextField(200, { description: 'The stage in Swedish', example: 'Tidig varning' })
  sv!: string;

  @TextField(200, { description: 'The stage in English', example: 'Early warning' })
  en!: string;

  @ApiProperty({
    description:
      'Hours from discovery; null: without delay (utan dröjsmål), due from the moment of discovery',
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 8760,
    example: 24,
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'withinHours must be a whole number of hours, or null for without delay' })
  @Min(1)
  @Max(8760)
  withinHours!: number | null;
}

/** An obligation as a whole, as registered or revised (the code comes from the path on revision). */
export class ReportingObligationBodyRequest {
  @OneOfField(OUTWARD_AUTHORITIES, {
    description: 'The authority the report goes to',
    example: 'MSB',
  })
  authority!: string;

  @TextField(200, {
    description: 'What is reported, in Swedish',
    example: 'Betydande IT-incident (cybersäkerhetslagen)',
  })
  sv!: string;

  @TextField(200, {
    description: 'What is reported, in English',
    example: 'Significant IT incident (Cybersecurity Act, NIS2)',
  })
  en!: string;

  @ApiProperty({
    description: 'The kinds of incident it applies to (may be empty when personalData is true)',
    enum: INCIDENT_KINDS,
    isArray: true,
    example: ['IT_INCIDENT'],
  })
  @IsArray()
  @ArrayMaxSize(INCIDENT_KINDS.length)
  @IsIn(INCIDENT_KINDS, {
    each: true,
    message: `kinds must hold kinds of incident: ${INCIDENT_KINDS.join(', ')}`,
  })
  kinds!: string[];

  @ApiProperty({
    description: 'It also applies to any incident where personal data was affected',
    example: false,
  })
  @IsBoolean({ message: 'personalData must be true or false' })
  personalData!: boolean;

  @ApiProperty({
    description: 'The reports in the order they fall due, 1 to 5, each counted from discovery',
    type: [ReportingStageRequest],
    example: [
      { sv: 'Tidig varning', en: 'Early warning', withinHours: 24 },
      { sv: 'Incidentanmälan', en: 'Incident notification', withinHours: 72 },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ReportingStageRequest)
  stages!: ReportingStageRequest[];
}

export class RegisterReportingObligationRequest extends ReportingObligationBodyRequest {
  @ApiProperty({
    description: 'A new code: 2 to 64 upper-case letters, digits or _, starting with a letter',
    example: 'MSB_SIGNIFICANT_IT_INCIDENT',
    pattern: '^[A-Z][A-Z0-9_]{1,63}$',
  })
  @RequiredText(64)
  code!: string;
}

export class RetireReportingObligationRequest {
  @TextField(2000, {
    description: 'Why the obligation no longer applies',
    example: 'Replaced by the obligation under the new law',
  })
  reason!: string;
}
