import { ApiProperty } from '@nestjs/swagger';
import { ASSESSMENT_BASES } from '@riskledger/domain';
import { IsInt, Max, Min } from 'class-validator';
import { OptionalOneOfField, OptionalTextField } from '../../shared/request-fields';

export class AssessRiskRequest {
  @OptionalOneOfField(ASSESSMENT_BASES, {
    description:
      'What is scored: INHERENT (before any treatment), CURRENT (as it stands today; the default) ' +
      'or TARGET (the residual risk once the planned treatment is done)',
    example: 'CURRENT',
  })
  basis?: string;

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

  @OptionalTextField(2000, {
    description: 'Why the risk is scored this way',
    example: 'New door closer fitted; access log shows no entries after hours',
  })
  reason?: string;
}

export class AssessRiskResponse {
  @ApiProperty({
    description: "The risk's version after the change (use it in If-Match)",
    example: 3,
  })
  version!: number;

  @ApiProperty({
    description:
      'Inconsistencies worth a second look, also recorded in the event: a target above the ' +
      'current risk, or a current risk above the inherent one',
    example: ['the target (residual) risk, score 12, is above the current risk, score 8'],
    type: [String],
  })
  warnings!: string[];
}
