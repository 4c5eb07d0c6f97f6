import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalText } from '../../platform/field-rules';

export class AssessRiskRequest {
  @ApiProperty({
    description: 'Likelihood, 1 (rare) to 5 (almost certain)',
    minimum: 1,
    maximum: 5,
    example: 2,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  likelihood!: number;

  @ApiProperty({
    description: 'Consequence, 1 (negligible) to 5 (catastrophic)',
    minimum: 1,
    maximum: 5,
    example: 4,
  })
  @IsInt()
  @Min(1)
  @Max(5)
  consequence!: number;

  @ApiPropertyOptional({
    description: 'Why the risk is scored this way',
    example: 'New door closer fitted; access log shows no entries after hours',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}
