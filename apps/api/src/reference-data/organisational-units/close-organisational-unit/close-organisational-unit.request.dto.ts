import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../../platform/field-rules';

export class CloseOrganisationalUnitRequest {
  @ApiProperty({
    description: 'Why the unit is closed',
    example: 'Merged with ward 14',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
