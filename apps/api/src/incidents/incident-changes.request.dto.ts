import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { OneOfField, TextField } from '../shared/request-fields';
import { OUTWARD_AUTHORITIES } from '@riskledger/domain';
import { IsoInstant } from '../platform/field-rules';

export class AssessPersonalDataRequest {
  @ApiProperty({
    description: 'Whether personal data was affected (then IMY must hear of it)',
    example: true,
  })
  @IsBoolean({ message: 'personalDataAffected must be true or false' })
  personalDataAffected!: boolean;
}

export class InvestigateIncidentRequest {
  @TextField(5000, {
    description: 'What the investigation found',
    example: 'The door closer had been broken for two weeks; the fault report was never sent.',
  })
  findings!: string;

  @TextField(2000, {
    description: 'Why it happened, as far as the investigation could establish',
    example: 'No routine for reporting faults on doors to locked rooms',
  })
  rootCause!: string;
}

export class ReportIncidentToAuthorityRequest {
  @OneOfField(OUTWARD_AUTHORITIES, {
    description:
      'The authority: Arbetsmiljöverket (work environment), IVO (care, lex Maria), IMY (personal ' +
      'data breaches), MSB (IT incidents), the police, or another',
    example: 'IVO',
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

export class CloseIncidentRequest {
  @TextField(5000, {
    description: 'How the incident was handled, in short',
    example: 'Door closer replaced, fault-report routine introduced on the ward.',
  })
  summary!: string;
}

export class DismissIncidentRequest {
  @TextField(2000, {
    description: 'Why the report is dismissed',
    example: 'Reported twice; see incident 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
  })
  reason!: string;
}
