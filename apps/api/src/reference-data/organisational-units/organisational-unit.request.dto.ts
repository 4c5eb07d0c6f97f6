import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ORGANISATIONAL_UNIT_KINDS } from '@riskledger/domain';
import { OptionalText, RequiredText } from '../../platform/field-rules';

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

  @ApiProperty({ description: "The unit's name", example: 'Avdelning 12', maxLength: 200 })
  @RequiredText(200)
  name!: string;

  @ApiPropertyOptional({
    description: 'The code of the open unit it belongs to; left out only for the region itself',
    example: 'MED',
    pattern: UNIT_CODE.source,
  })
  @IsOptional()
  @Matches(UNIT_CODE, { message: codeMessage })
  parentCode?: string;

  @ApiProperty({
    description: 'Its level: the region, an administration or company, a department or a unit',
    enum: ORGANISATIONAL_UNIT_KINDS,
    example: 'UNIT',
  })
  @IsIn(ORGANISATIONAL_UNIT_KINDS, {
    message: `kind must be one of ${ORGANISATIONAL_UNIT_KINDS.join(', ')}`,
  })
  kind!: string;
}

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

export class MoveOrganisationalUnitRequest {
  @ApiProperty({
    description: 'The code of the open unit it moves under',
    example: 'SURG',
    pattern: UNIT_CODE.source,
  })
  @Matches(UNIT_CODE, { message: codeMessage })
  parentCode!: string;

  @ApiPropertyOptional({
    description: 'Why it moves',
    example: 'Reorganisation of the surgical division, decided 2026-02-10',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}

export class CloseOrganisationalUnitRequest {
  @ApiProperty({
    description: 'Why the unit is closed',
    example: 'Merged with ward 14',
    maxLength: 2000,
  })
  @RequiredText(2000)
  reason!: string;
}
