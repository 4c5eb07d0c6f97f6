import { TextField } from '../../shared/text-field';

export class CloseIncidentRequest {
  @TextField(5000, {
    description: 'How the incident was handled, in short',
    example: 'Door closer replaced, fault-report routine introduced on the ward.',
  })
  summary!: string;
}
