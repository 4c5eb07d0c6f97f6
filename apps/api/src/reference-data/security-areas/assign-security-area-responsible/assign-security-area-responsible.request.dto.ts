import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalText, RequiredText } from '../../../platform/field-rules';

export class AssignSecurityAreaResponsibleRequest {
  @ApiProperty({
    description: 'The person who becomes responsible for the area (funktionsområdesansvarig)',
    example: 'sara.ek@region.se',
    maxLength: 200,
  })
  @RequiredText(200)
  responsible!: string;

  @ApiPropertyOptional({
    description: 'Why the responsibility changes',
    example: 'Erik Lind retires; Sara Ek takes over from 1 March',
    maxLength: 2000,
  })
  @OptionalText(2000)
  reason?: string;
}
