import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalTextField, TextField } from '../../shared/request-fields';

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

  @TextField(200, { description: 'The name in Swedish', example: 'Fysisk säkerhet' })
  sv!: string;

  @TextField(200, { description: 'The name in English', example: 'Physical security' })
  en!: string;

  @OptionalTextField(200, {
    description: "The area's responsible person (funktionsområdesansvarig)",
    example: 'erik.lind@region.se',
  })
  responsible?: string;
}

export class AssignSecurityAreaResponsibleRequest {
  @TextField(200, {
    description: 'The person who becomes responsible for the area (funktionsområdesansvarig)',
    example: 'sara.ek@region.se',
  })
  responsible!: string;

  @OptionalTextField(2000, {
    description: 'Why the responsibility changes',
    example: 'Erik Lind retires; Sara Ek takes over from 1 March',
  })
  reason?: string;
}

export class RetireSecurityAreaRequest {
  @TextField(2000, {
    description: 'Why the area is no longer used',
    example: 'Merged into protective security (säkerhetsskydd)',
  })
  reason!: string;
}
