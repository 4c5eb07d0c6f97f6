import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../../../platform/field-rules';

export class RenameOrganisationalUnitRequest {
  @ApiProperty({
    description: 'The new name',
    example: 'Avdelning 12 (hjärtsjukvård)',
    maxLength: 200,
  })
  @RequiredText(200)
  name!: string;

  @ApiPropertyOptional({
    description: 'Why it is renamed',
    example: 'The ward now takes cardiac patients',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}
