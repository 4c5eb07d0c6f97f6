import { OptionalTextField } from '../../shared/text-field';

export class ApplyMitigationRequest {
  @OptionalTextField(2000, {
    description: 'What was done',
    example: 'Card reader installed 2026-11-20',
  })
  note?: string;
}
