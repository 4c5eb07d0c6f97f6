import { TextField } from '../../shared/text-field';

export class VerifyMitigationRequest {
  @TextField(2000, {
    description: 'The effect seen',
    example: 'No entries after hours in the access log since March',
  })
  effect!: string;
}
