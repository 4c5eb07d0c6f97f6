import { TextField } from '../../shared/text-field';

export class CancelMitigationRequest {
  @TextField(2000, {
    description: 'Why it is cancelled',
    example: 'The ward moves to the new building in May',
  })
  reason!: string;
}
