import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MITIGATION_KINDS } from '@riskledger/domain';
import { IsOptional, Matches } from 'class-validator';
import { OneOfField, OptionalTextField, TextField } from '../shared/request-fields';

export class PlanMitigationRequest {
  @TextField(200, {
    description: 'What will be done',
    example: 'Replace the door closer and add card access',
  })
  title!: string;

  @OneOfField(MITIGATION_KINDS, {
    description: 'Whether the measure eliminates, limits or monitors the risk',
    example: 'LIMIT',
  })
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

export class ApplyMitigationRequest {
  @OptionalTextField(2000, {
    description: 'What was done',
    example: 'Card reader installed 2026-11-20',
  })
  note?: string;
}

/** Nothing to send: the path names the mitigation, the headers who and when. */
export class StartMitigationRequest {}

export class VerifyMitigationRequest {
  @TextField(2000, {
    description: 'The effect seen',
    example: 'No entries after hours in the access log since March',
  })
  effect!: string;
}

export class CancelMitigationRequest {
  @TextField(2000, {
    description: 'Why it is cancelled',
    example: 'The ward moves to the new building in May',
  })
  reason!: string;
}

export class AssignRiskOwnerRequest {
  @TextField(200, { description: 'The new risk owner', example: 'erik.lund@region.se' })
  owner!: string;
}

export class RevokeRiskAcceptanceRequest {
  @TextField(2000, {
    description: 'Why the acceptance no longer holds',
    example: 'The card reader has failed twice this month',
  })
  reason!: string;
}

export class ReviewRiskRequest {
  @TextField(5000, {
    description: 'What the review found',
    example: 'Card access works; no entries after hours. Risk still relevant.',
  })
  notes!: string;

  @ApiProperty({
    description: 'When the risk is next to be reviewed (YYYY-MM-DD), after today',
    example: '2027-11-30',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextReviewDate must be a date written YYYY-MM-DD' })
  nextReviewDate!: string;
}

export class CloseRiskRequest {
  @TextField(2000, {
    description: 'Why the risk no longer applies',
    example: 'The medicine room was converted to an office',
  })
  reason!: string;
}

export class ReopenRiskRequest {
  @TextField(2000, {
    description: 'Why the risk applies again',
    example: 'The room is used for medicines again',
  })
  reason!: string;
}
