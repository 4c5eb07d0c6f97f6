import { ApiProperty } from '@nestjs/swagger';

export class SecurityAreaResponse {
  @ApiProperty({
    description: 'The area code, used on risks, incidents and goals',
    example: 'FIRE_SAFETY',
  })
  code!: string;
  @ApiProperty({ description: 'The name in Swedish', example: 'Brandsäkerhet' })
  sv!: string;
  @ApiProperty({ description: 'The name in English', example: 'Fire safety' })
  en!: string;
  @ApiProperty({
    description:
      'One of the 14 areas of the annual security report (seeded), not added by the region',
    example: true,
  })
  builtIn!: boolean;
  @ApiProperty({
    description: "The area's responsible person (funktionsområdesansvarig)",
    nullable: true,
    example: 'erik.lind@region.se',
  })
  responsible!: string | null;
  @ApiProperty({
    description: 'Retired: not usable for new risks, incidents or goals; old ones keep it',
    example: false,
  })
  retired!: boolean;
  @ApiProperty({ description: 'Why it was retired', nullable: true, example: null })
  retiredReason!: string | null;
  @ApiProperty({ description: 'When it was registered', example: '2026-01-15T09:00:00.000Z' })
  registeredAt!: string;
  @ApiProperty({ description: 'When it last changed', example: '2026-03-02T10:30:00.000Z' })
  updatedAt!: string;
  @ApiProperty({ description: 'Who changed it last', example: 'anna.berg@region.se' })
  updatedBy!: string;
}

export class SecurityAreaChangedResponse {
  @ApiProperty({ description: 'The area code', example: 'PHYSICAL_SECURITY' })
  code!: string;
  @ApiProperty({
    description: "The area's version after the change (use it in If-Match)",
    example: 1,
  })
  version!: number;
}
