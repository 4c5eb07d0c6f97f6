import { TextField } from '../../shared/text-field';

export class RevokeRiskAcceptanceRequest {
  @TextField(2000, {
    description: 'Why the acceptance no longer holds',
    example: 'The card reader has failed twice this month',
  })
  reason!: string;
}
