import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MITIGATION_KINDS } from '@riskledger/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OptionalTextField, TextField } from '../../shared/text-field';

export class PlanMitigationRequest {
  @TextField(200, {
    description: 'What will be done',
    example: 'Replace the door closer and add card access',
  })
  title!: string;

  @ApiProperty({
    description: 'Whether the measure eliminates, limits or monitors the risk',
    enum: MITIGATION_KINDS,
    example: 'LIMIT',
  })
  @IsIn(MITIGATION_KINDS, { message: `kind must be one of ${MITIGATION_KINDS.join(', ')}` })
  kind!: string;

  @OptionalTextField(200, {
    description: 'Who carries the measure out',
    example: 'facilities@region.se',
  })
  owner?: string;

  @ApiPropertyOptional({ description: 'Due date (YYYY-MM-DD)', example: '2026-12-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date written YYYY-MM-DD' })
  dueDate?: string;

  @OptionalTextField(2000, {
    description: 'The effect the measure is expected to have on the risk',
    example: 'Only staff with a card can enter; likelihood down from 4 to 2',
  })
  expectedEffect?: string;

  @OptionalTextField(200, {
    description: 'Supplier that carries the measure out, if any',
    example: 'Lock & Door AB',
  })
  supplier?: string;
}

export class PlanMitigationResponse {
  @ApiProperty({
    description: 'The id of the planned mitigation',
    example: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f',
  })
  mitigationId!: string;

  @ApiProperty({
    description: "The stream's version after the change (use it in If-Match)",
    example: 3,
  })
  version!: number;
}
