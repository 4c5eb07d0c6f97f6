import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ORGANISATIONAL_UNIT_KINDS } from '@riskledger/domain';
import { OneOfField, OptionalTextField, TextField } from '../../shared/request-fields';

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const codeMessage = ({ property }: { property: string }) =>
  `${property} must be 1 to 64 letters, digits, . _ or -, starting with a letter or digit`;

export class RegisterOrganisationalUnitRequest {
  @ApiProperty({
    description: "The unit's code: 1 to 64 letters, digits, . _ or - (e.g. an HSA id)",
    example: 'WARD12',
    pattern: UNIT_CODE.source,
  })
  @Matches(UNIT_CODE, { message: codeMessage })
  code!: string;

  @TextField(200, { description: "The unit's name", example: 'Avdelning 12' })
  name!: string;

  @ApiPropertyOptional({
    description: 'The code of the open unit it belongs to; left out only for the region itself',
    example: 'MED',
    pattern: UNIT_CODE.source,
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: codeMessage })
  parentCode?: string;

  @OneOfField(ORGANISATIONAL_UNIT_KINDS, {
    description: 'Its level: the region, an administration or company, a department or a unit',
    example: 'UNIT',
  })
  kind!: string;
}

export class RenameOrganisationalUnitRequest {
  @TextField(200, { description: 'The new name', example: 'Avdelning 12 (hjärtsjukvård)' })
  name!: string;

  @OptionalTextField(2000, {
    description: 'Why it is renamed',
    example: 'The ward now takes cardiac patients',
  })
  reason?: string;
}

export class MoveOrganisationalUnitRequest {
  @ApiProperty({
    description: 'The code of the open unit it moves under',
    example: 'SURG',
    pattern: UNIT_CODE.source,
  })
  @Matches(UNIT_CODE, { message: codeMessage })
  parentCode!: string;

  @OptionalTextField(2000, {
    description: 'Why it moves',
    example: 'Reorganisation of the surgical division, decided 2026-02-10',
  })
  reason?: string;
}

export class CloseOrganisationalUnitRequest {
  @TextField(2000, { description: 'Why the unit is closed', example: 'Merged with ward 14' })
  reason!: string;
}
