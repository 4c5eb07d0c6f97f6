import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CalendarDate, FiniteNumber } from '../goal-field-rules';
import { OptionalTextField } from '../../shared/text-field';

export class MeasureIndicatorRequest {
  @ApiPropertyOptional({
    description:
      'Id of this measurement, chosen by the caller so that a retried request is recognised ' +
      '(409) instead of counted twice; generated when left out',
    format: 'uuid',
    example: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
  })
  @IsOptional()
  @IsUUID()
  measurementId?: string;

  @ApiProperty({ description: "The measured value, in the goal's measurement unit", example: 87.5 })
  @FiniteNumber()
  value!: number;

  @ApiProperty({
    description:
      "The day the value describes (YYYY-MM-DD): in the goal's year, or in the first quarter " +
      'after it for year-end figures; not after today',
    example: '2026-06-30',
  })
  @CalendarDate()
  measuredOn!: string;

  @OptionalTextField(2000, {
    description: 'Where the value comes from or what it covers',
    example: 'From the learning platform, all permanent staff',
  })
  note?: string;
}

export class MeasureIndicatorResponse {
  @ApiProperty({
    description: 'Id of the recorded measurement',
    example: '7b2a3f4e-5d6c-4b7a-9899-aabbccddeeff',
  })
  measurementId!: string;

  @ApiProperty({ description: "The goal's version after the measurement", example: 2 })
  version!: number;
}
