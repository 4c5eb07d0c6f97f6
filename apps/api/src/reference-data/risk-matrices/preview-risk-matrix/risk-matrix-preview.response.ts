import { ApiProperty } from '@nestjs/swagger';
import { RISK_LEVELS, type RiskLevel } from '@riskledger/domain';

export class RiskLevelChangeResponse {
  @ApiProperty({ description: 'The risk', example: '7d0c3a52-0a39-4c1b-9f1e-2f8f3f2c1a10' })
  riskId!: string;
  @ApiProperty({ description: "The risk's title", example: 'Olåst läkemedelsrum' })
  title!: string;
  @ApiProperty({ description: 'The primary security area', example: 'PHARMACEUTICALS' })
  area!: string;
  @ApiProperty({ description: 'The organisational unit', example: 'AVD12' })
  unit!: string;
  @ApiProperty({ description: 'Of the headline assessment', example: 2 })
  likelihood!: number;
  @ApiProperty({ description: 'Of the headline assessment', example: 4 })
  consequence!: number;
  @ApiProperty({ description: 'Likelihood × consequence', example: 8 })
  score!: number;
  @ApiProperty({ description: 'The level it has now', enum: RISK_LEVELS, example: 'MEDIUM' })
  level!: RiskLevel;
  @ApiProperty({ description: 'The matrix version that gave it that level', example: 1 })
  matrixVersion!: number;
  @ApiProperty({
    description: 'The level its next assessment at the same values would give under the proposal',
    enum: RISK_LEVELS,
    example: 'HIGH',
  })
  proposedLevel!: RiskLevel;
}

export class RiskMatrixPreviewResponse {
  @ApiProperty({ description: 'The version the proposal would be published as', example: 2 })
  proposedVersion!: number;
  @ApiProperty({
    description:
      'Open, assessed risks the caller may see: each would need review once the proposal is in force',
    example: 42,
  })
  assessedOpenRisks!: number;
  @ApiProperty({
    description: 'Those of them whose level the proposal would change, in the register order',
    type: [RiskLevelChangeResponse],
  })
  changes!: RiskLevelChangeResponse[];
}
