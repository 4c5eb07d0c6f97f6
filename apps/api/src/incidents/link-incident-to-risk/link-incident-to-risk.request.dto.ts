import { ApiProperty } from '@nestjs/swagger';
import { RISK_LINK_RELATIONS } from '@riskledger/domain';
import { IsUUID } from 'class-validator';
import { OneOfField } from '../../shared/request-fields';

export class LinkIncidentToRiskRequest {
  @ApiProperty({
    description: 'The risk the incident bears on',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  @IsUUID('all', { message: 'riskId must be a risk id (UUID)' })
  riskId!: string;

  @OneOfField(RISK_LINK_RELATIONS, {
    description:
      'REALISED: the incident is the risk happening; REVEALED: the incident showed that the risk exists',
    example: 'REALISED',
  })
  relation!: string;
}
