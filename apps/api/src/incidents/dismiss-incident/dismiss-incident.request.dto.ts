import { TextField } from '../../shared/text-field';

export class DismissIncidentRequest {
  @TextField(2000, {
    description: 'Why the report is dismissed',
    example: 'Reported twice; see incident 3c9d7e5a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
  })
  reason!: string;
}
