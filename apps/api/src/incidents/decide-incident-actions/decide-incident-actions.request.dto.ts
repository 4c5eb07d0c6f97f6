import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { TextField } from '../../shared/request-fields';

export class IncidentActionRequest {
  @ApiProperty({
    description: 'A risk linked to the incident (or identified from it) that the action treats',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  @IsUUID('all', { message: 'riskId must be a risk id (UUID)' })
  riskId!: string;

  @TextField(2000, {
    description: 'What is to be done',
    example: 'Replace the door closer and add the door to the yearly inspection round',
  })
  description!: string;

  @ApiPropertyOptional({
    description:
      'The mitigation planned on the risk for this action (POST /risks/{id}/mitigations with ' +
      'X-Causation-Id naming the incident); it must be planned on that risk',
    example: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f',
  })
  @IsOptional()
  @IsUUID('all', { message: 'mitigationId must be a mitigation id (UUID)' })
  mitigationId?: string;
}

export class DecideIncidentActionsRequest {
  @ApiProperty({
    description: 'The actions decided, each on a risk linked to the incident',
    type: [IncidentActionRequest],
    minItems: 1,
    maxItems: 50,
    example: [
      {
        riskId: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
        description: 'Replace the door closer and add the door to the yearly inspection round',
        mitigationId: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f',
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'actions must name at least one action' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IncidentActionRequest)
  actions!: IncidentActionRequest[];
}
