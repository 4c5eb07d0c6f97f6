import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalText } from '../../../platform/field-rules';

export class MoveOrganisationalUnitRequest {
  @ApiProperty({
    description: 'The code of the open unit it moves under',
    example: 'SURG',
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message:
      'parentCode must be 1 to 64 letters, digits, . _ or -, starting with a letter or digit',
  })
  parentCode!: string;

  @ApiPropertyOptional({
    description: 'Why it moves',
    example: 'Reorganisation of the surgical division, decided 2026-02-10',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}
