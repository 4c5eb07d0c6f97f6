import { TextField } from '../../shared/text-field';

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
