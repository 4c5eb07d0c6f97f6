import { TextField } from '../../shared/text-field';

export class CloseRiskRequest {
  @TextField(2000, {
    description: 'Why the risk no longer applies',
    example: 'The medicine room was converted to an office',
  })
  reason!: string;
}
