import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { TextField } from '../../shared/text-field';

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
