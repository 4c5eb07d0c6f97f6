import { TextField } from '../../shared/text-field';

export class ReopenRiskRequest {
  @TextField(2000, {
    description: 'Why the risk applies again',
    example: 'The room is used for medicines again',
  })
  reason!: string;
}
