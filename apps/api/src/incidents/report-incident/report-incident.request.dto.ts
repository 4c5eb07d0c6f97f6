import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INCIDENT_KINDS } from '@riskledger/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { AreaCode, IsoInstant } from '../../platform/field-rules';
import { OneOfField, OptionalTextField, TextField } from '../../shared/request-fields';

export class ReportIncidentRequest {
  @TextField(200, {
    description: 'What happened, in short',
    example: 'Narcotics cabinet found open',
  })
  title!: string;

  @TextField(5000, {
    description: 'What happened, what was affected, what was done at once',
    example: 'Night staff found the cabinet open at 03:10; nothing missing after count.',
  })
  description!: string;

  @OneOfField(INCIDENT_KINDS, {
    description:
      'Kind of report. A serious near miss must also be reported to the Work Environment Authority at once; a care injury to IVO; an IT incident to MSB.',
    example: 'DEVIATION',
  })
  kind!: string;

  @ApiPropertyOptional({
    description: 'Severity on the consequence scale, 1 (negligible) to 5 (catastrophic)',
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  severity?: number;

  @OptionalTextField(5000, {
    description: 'What was done at once',
    example: 'Cabinet locked; pharmacy informed; narcotics counted',
  })
  immediateActions?: string;

  @ApiProperty({
    description:
      'Code of a security area in use: the 14 of the security report or one the region added ' +
      '(GET /security-areas)',
    example: 'PHARMACEUTICALS',
  })
  @AreaCode()
  area!: string;

  @TextField(200, {
    description:
      'The organisational unit it happened in; once the region has registered its units, one of ' +
      'them (open)',
    example: 'Hospital North / Ward 12',
  })
  unit!: string;

  @ApiProperty({
    description: 'When it happened (ISO 8601 with time zone)',
    example: '2026-11-22T03:10:00+01:00',
  })
  @IsISO8601(
    { strict: true },
    { message: 'occurredAt must be an ISO 8601 time, e.g. 2026-11-22T03:10:00+01:00' },
  )
  // Without a zone (or without a time) the instant would be read in the server's own time zone.
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i, {
    message: 'occurredAt must give the time and its zone, e.g. 2026-11-22T03:10:00+01:00',
  })
  occurredAt!: string;

  @ApiPropertyOptional({
    description:
      'When it was discovered (ISO 8601 with time zone): reporting deadlines to authorities count ' +
      'from it. Not before it occurred; left out: now',
    example: '2026-11-22T03:40:00+01:00',
  })
  @IsOptional()
  @IsoInstant()
  discoveredAt?: string;

  @ApiPropertyOptional({
    description:
      'Whether personal data was affected: then it is a personal data breach that IMY must hear of ' +
      'within 72 hours of discovery. Left out: not said (it can be said later)',
    example: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'personalDataAffected must be true or false' })
  personalDataAffected?: boolean;

  @ApiPropertyOptional({
    description: 'Risks this incident realised or revealed',
    type: [String],
    example: ['0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'riskIds must hold risk ids (UUIDs)' })
  riskIds?: string[];
}

export class ReportIncidentResponse {
  @ApiProperty({
    description: 'The id of what was created',
    example: '3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
  })
  id!: string;
}
