import { TextField } from '../../shared/text-field';

export class AssignRiskOwnerRequest {
  @TextField(200, { description: 'The new risk owner', example: 'erik.lund@region.se' })
  owner!: string;
}
