import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATIONAL_UNIT_KINDS, type OrganisationalUnitKind } from '@riskledger/domain';

export class OrganisationalUnitResponse {
  @ApiProperty({ description: "The unit's code, named on risks and incidents", example: 'MED' })
  code!: string;
  @ApiProperty({ description: "The unit's name", example: 'Medicinkliniken' })
  name!: string;
  @ApiProperty({
    description: 'The code of the unit it belongs to; null for the region',
    nullable: true,
    example: 'HSV',
  })
  parentCode!: string | null;
  @ApiProperty({
    description: 'Its level in the organisation',
    enum: ORGANISATIONAL_UNIT_KINDS,
    example: 'DEPARTMENT',
  })
  kind!: OrganisationalUnitKind;
  @ApiProperty({
    description: 'The codes from the region down to this unit, itself last',
    example: ['RV', 'HSV', 'MED'],
  })
  path!: string[];
  @ApiProperty({
    description: 'False once closed: no new risks or incidents may name it',
    example: true,
  })
  open!: boolean;
  @ApiProperty({ description: 'Why it was closed', nullable: true, example: null })
  closedReason!: string | null;
  @ApiProperty({ description: 'When it was registered', example: '2026-01-15T09:00:00.000Z' })
  registeredAt!: string;
  @ApiProperty({ description: 'When it last changed', example: '2026-03-02T10:30:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who changed it last', example: 'anna.berg@region.se' })
  updatedBy!: string;
  @ApiProperty({
    description: 'The units directly below it, each with its own, by name',
    type: () => [OrganisationalUnitResponse],
    example: [],
  })
  children!: OrganisationalUnitResponse[];
}

export class OrganisationChangedResponse {
  @ApiProperty({ description: 'The unit changed', example: 'WARD12' })
  code!: string;
  @ApiProperty({
    description:
      "The organisation's version after the change: the whole tree is one stream, so use it in If-Match on any unit",
    example: 7,
  })
  version!: number;
}
