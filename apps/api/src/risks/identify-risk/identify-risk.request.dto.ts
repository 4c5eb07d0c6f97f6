import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECURITY_AREA_CODES } from '@riskledger/domain';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RequiredText, OptionalText, AreaCode } from '../../platform/field-rules';

export class IdentifyRiskRequest {
  @ApiProperty({
    description: 'Short name of the risk',
    example: 'Unlocked medicine room on ward 12',
    maxLength: 200,
  })
  @RequiredText(200)
  title!: string;

  @ApiProperty({
    description: 'Because of <cause>, <event> happens, which leads to <consequence>',
    example:
      'Because the door closer is broken, unauthorised people can enter, which leads to theft of narcotics.',
    maxLength: 5000,
  })
  @RequiredText(5000)
  description!: string;

  @ApiProperty({
    description: 'Security area code',
    enum: SECURITY_AREA_CODES,
    example: 'PHARMACEUTICALS',
  })
  @AreaCode()
  area!: string;

  @ApiProperty({
    description: 'Organisational unit the risk belongs to',
    example: 'Hospital North / Ward 12',
    maxLength: 200,
  })
  @RequiredText(200)
  unit!: string;

  @ApiPropertyOptional({
    description: 'Risk owner',
    example: 'ward.manager@region.se',
    maxLength: 200,
  })
  @OptionalText(200)
  owner?: string;

  @ApiPropertyOptional({
    description: 'Initial likelihood, 1 (rare) to 5 (almost certain); give with consequence',
    minimum: 1,
    maximum: 5,
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood?: number;

  @ApiPropertyOptional({
    description: 'Initial consequence, 1 (negligible) to 5 (catastrophic); give with likelihood',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  consequence?: number;
}

export class IdentifyRiskResponse {
  @ApiProperty({ example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' })
  id!: string;
}
