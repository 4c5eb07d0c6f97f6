import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { RequiredText } from '../../platform/field-rules';

export class ReviewRiskRequest {
  @ApiProperty({
    description: 'What the review found',
    example: 'Card access works; no entries after hours. Risk still relevant.',
    maxLength: 5000,
  })
  @RequiredText(5000)
  notes!: string;

  @ApiProperty({
    description: 'When the risk is next to be reviewed (YYYY-MM-DD), after today',
    example: '2027-11-30',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nextReviewDate must be a date written YYYY-MM-DD' })
  nextReviewDate!: string;
}
