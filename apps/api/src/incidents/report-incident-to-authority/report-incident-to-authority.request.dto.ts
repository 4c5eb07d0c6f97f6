import { ApiProperty } from '@nestjs/swagger';
import { OUTWARD_AUTHORITIES } from '@riskledger/domain';
import { IsIn } from 'class-validator';
import { IsoInstant } from '../../platform/field-rules';
import { TextField } from '../../shared/text-field';

export class ReportIncidentToAuthorityRequest {
  @ApiProperty({
    description:
      'The authority: Arbetsmiljöverket (work environment), IVO (care, lex Maria), IMY (personal ' +
      'data breaches), MSB (IT incidents), the police, or another',
    enum: OUTWARD_AUTHORITIES,
    example: 'IVO',
  })
  @IsIn(OUTWARD_AUTHORITIES, {
    message: `authority must be one of ${OUTWARD_AUTHORITIES.join(', ')}`,
  })
  authority!: string;

  @TextField(200, {
    description: "The authority's case number, or the report's own reference",
    example: 'IVO 3.1-12345/2026',
  })
  reference!: string;

  @ApiProperty({
    description: 'When the report was made (ISO 8601 with time zone); not before the incident',
    example: '2026-11-22T10:15:00+01:00',
  })
  @IsoInstant()
  reportedAt!: string;
}
