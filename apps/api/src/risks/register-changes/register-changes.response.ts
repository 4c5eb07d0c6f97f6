import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RISK_LEVELS } from '@riskledger/domain';

class RiskStandingResponse {
  @ApiProperty({ description: 'Open or closed', enum: ['OPEN', 'CLOSED'], example: 'OPEN' })
  status!: string;
  @ApiPropertyOptional({
    type: String,
    enum: RISK_LEVELS,
    nullable: true,
    description: 'The headline level (none while not assessed)',
    example: 'HIGH',
  })
  level!: string | null;
}

export class RegisterChangeResponse {
  @ApiProperty({ description: 'The risk', example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' })
  riskId!: string;
  @ApiProperty({ description: 'Its title at the later moment', example: 'Olåst läkemedelsrum' })
  title!: string;
  @ApiProperty({ description: 'Its security area', example: 'PHARMACEUTICALS' })
  area!: string;
  @ApiProperty({ description: 'Its organisational unit', example: 'WARD12' })
  unit!: string;
  @ApiPropertyOptional({
    type: RiskStandingResponse,
    nullable: true,
    description: 'How it stood at the earlier moment; null when it was not yet identified',
  })
  before!: RiskStandingResponse | null;
  @ApiProperty({ type: RiskStandingResponse, description: 'How it stood at the later moment' })
  after!: RiskStandingResponse;
}

export class RegisterChangesResponse {
  @ApiProperty({ description: 'The earlier moment', example: '2026-11-01T00:00:00.000Z' })
  from!: string;
  @ApiProperty({
    description: 'The later moment (now, when a later one was asked)',
    example: '2026-12-01T00:00:00.000Z',
  })
  to!: string;
  @ApiProperty({ type: [RegisterChangeResponse], description: 'Identified between the two' })
  appeared!: RegisterChangeResponse[];
  @ApiProperty({
    type: [RegisterChangeResponse],
    description: 'Open at the first, closed at the second',
  })
  closed!: RegisterChangeResponse[];
  @ApiProperty({
    type: [RegisterChangeResponse],
    description: 'Closed at the first, open at the second',
  })
  reopened!: RegisterChangeResponse[];
  @ApiProperty({
    type: [RegisterChangeResponse],
    description: 'Open at both, at another headline level',
  })
  levelChanged!: RegisterChangeResponse[];
}
