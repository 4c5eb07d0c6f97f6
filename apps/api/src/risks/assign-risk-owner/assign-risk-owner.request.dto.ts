import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../platform/field-rules';

export class AssignRiskOwnerRequest {
  @ApiProperty({
    description: 'The new risk owner',
    example: 'erik.lund@region.se',
    maxLength: 200,
  })
  @RequiredText(200)
  owner!: string;
}
