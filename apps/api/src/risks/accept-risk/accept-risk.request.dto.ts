import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { TextField } from '../../shared/request-fields';

export class AcceptRiskRequest {
  @TextField(2000, {
    description: 'Why the residual risk is accepted rather than treated further',
    example:
      'Card access and the door alarm bring the risk down to medium; more is not proportionate',
  })
  justification!: string;

  @ApiProperty({
    description:
      'The day the acceptance lapses unless renewed (YYYY-MM-DD): from today up to as many days ' +
      'ahead as the risk matrix allows for the level (e.g. 365 for medium, 180 for high)',
    example: '2027-06-30',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'lapsesOn must be a date written YYYY-MM-DD' })
  lapsesOn!: string;
}

export class AcceptRiskResponse {
  @ApiProperty({
    description: 'The id of the acceptance, for revoking it',
    example: '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  })
  acceptanceId!: string;

  @ApiProperty({ description: "The risk's version after the change", example: 6 })
  version!: number;
}
