import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional } from 'class-validator';
import { AreaCode } from '../../platform/field-rules';

export class RequestReassessmentsRequest {
  @ApiProperty({
    description: 'The year whose re-assessment starts: last year, this year or the next',
    example: 2027,
  })
  @IsInt({ message: 'year must be a whole year, e.g. 2027' })
  year!: number;

  @ApiPropertyOptional({
    description: 'Only the risks of this security area (their primary area); all when left out',
    example: 'PHARMACEUTICALS',
  })
  @IsOptional()
  @AreaCode()
  area?: string;
}

export class RequestReassessmentsResponse {
  @ApiProperty({ description: 'The year whose re-assessment was started', example: 2027 })
  year!: number;

  @ApiProperty({
    description: 'Open risks now asked for a re-assessment (RiskReassessmentRequested each)',
    example: 12,
  })
  requested!: number;

  @ApiProperty({
    description:
      'Open risks left alone: already reviewed or assessed in that year, already asked, or ' +
      'closed meanwhile',
    example: 3,
  })
  skipped!: number;
}
