import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalText, RequiredText } from '../../platform/field-rules';

export class RegisterSecurityAreaRequest {
  @ApiProperty({
    description: 'A new area code: 2 to 64 upper-case letters, digits or _, starting with a letter',
    example: 'PHYSICAL_SECURITY',
    pattern: '^[A-Z][A-Z0-9_]{1,63}$',
  })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, {
    message: 'code must be 2 to 64 upper-case letters, digits or _, starting with a letter',
  })
  code!: string;

  @ApiProperty({ description: 'The name in Swedish', example: 'Fysisk säkerhet', maxLength: 200 })
  @RequiredText(200)
  sv!: string;

  @ApiProperty({ description: 'The name in English', example: 'Physical security', maxLength: 200 })
  @RequiredText(200)
  en!: string;

  @ApiPropertyOptional({
    description: "The area's responsible person (funktionsområdesansvarig)",
    example: 'erik.lind@region.se',
    maxLength: 200,
  })
  @OptionalText(200)
  responsible?: string;
}

export class AssignSecurityAreaResponsibleRequest {
  @ApiProperty({
    description: 'The person who becomes responsible for the area (funktionsområdesansvarig)',
    example: 'sara.ek@region.se',
    maxLength: 200,
  })
  @RequiredText(200)
  responsible!: string;

  @ApiPropertyOptional({
    description: 'Why the responsibility changes',
    example: 'Erik Lind retires; Sara Ek takes over from 1 March',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}

export class RetireSecurityAreaRequest {
  @ApiProperty({
    description: 'Why the area is no longer used',
    example: 'Merged into protective security (säkerhetsskydd)',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
