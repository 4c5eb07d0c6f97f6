import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class InvestigateIncidentRequest {
  @ApiProperty({
    description: 'What the investigation found',
    example: 'The door closer had been broken for two weeks; the fault report was never sent.',
    maxLength: 5000,
  })
  @RequiredText(5000)
  findings!: string;

  @ApiProperty({
    description: 'Why it happened, as far as the investigation could establish',
    example: 'No routine for reporting faults on doors to locked rooms',
    maxLength: 2000,
  })
  @RequiredText(2000)
  rootCause!: string;
}
