import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MITIGATION_KINDS } from '@riskledger/domain';

/** The register entry as the API documents it (the shape is RiskRegisterEntry). */
export class RegisterMitigationResponse {
  @ApiProperty({ example: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f' }) mitigationId!: string;
  @ApiProperty({ example: 'Replace the door closer and add card access' }) title!: string;
  @ApiProperty({ enum: MITIGATION_KINDS, example: 'LIMIT' }) kind!: string;
  @ApiPropertyOptional({ nullable: true, example: 'facilities@region.se' }) owner!: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-12-31' }) dueDate!: string | null;
  @ApiProperty({ enum: ['PLANNED', 'APPLIED'], example: 'PLANNED' }) status!: string;
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) plannedAt!: string;
  @ApiPropertyOptional({ nullable: true, example: null }) appliedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, example: null }) note!: string | null;
}

export class RiskRegisterEntryResponse {
  @ApiProperty({ example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' }) riskId!: string;
  @ApiProperty({ example: 'Unlocked medicine room on ward 12' }) title!: string;
  @ApiProperty({ example: 'Because the door closer is broken, ...' }) description!: string;
  @ApiProperty({ example: 'PHARMACEUTICALS' }) area!: string;
  @ApiProperty({ example: 'Hospital North / Ward 12' }) unit!: string;
  @ApiPropertyOptional({ nullable: true, example: 'ward.manager@region.se' }) owner!: string | null;
  @ApiProperty({ enum: ['OPEN'], example: 'OPEN' }) status!: string;
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 5, example: 3 }) likelihood!:
    number | null;
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 5, example: 4 }) consequence!:
    number | null;
  @ApiPropertyOptional({ nullable: true, description: 'likelihood × consequence', example: 12 })
  score!: number | null;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'],
    example: 'HIGH',
  })
  level!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Risk matrix version of the level',
    example: 1,
  })
  matrixVersion!: number | null;
  @ApiPropertyOptional({ nullable: true, example: '2026-11-23T09:00:00.000Z' }) assessedAt!:
    string | null;
  @ApiProperty({ type: RegisterMitigationResponse, isArray: true })
  mitigations!: RegisterMitigationResponse[];
  @ApiProperty({ example: '2026-11-23T09:00:00.000Z' }) identifiedAt!: string;
  @ApiProperty({ example: 'anna.berg@region.se' }) identifiedBy!: string;
  @ApiProperty({ example: '2026-11-23T09:05:00.000Z' }) updatedAt!: string;
  @ApiProperty({ example: 'anna.berg@region.se' }) updatedBy!: string;
  @ApiProperty({
    description: 'Version of the risk this entry reflects; send it as If-Match',
    example: 3,
  })
  version!: number;
}
