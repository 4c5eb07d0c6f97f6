import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the traceability log as the API documents it (the shape is TraceabilityEntry). */
export class TraceabilityEntryResponse {
  @ApiProperty({ example: 1042 }) position!: number;
  @ApiProperty({ example: 'e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0' }) eventId!: string;
  @ApiProperty({ example: 'risk' }) streamType!: string;
  @ApiProperty({ example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10' }) streamId!: string;
  @ApiProperty({ example: 2 }) streamVersion!: number;
  @ApiProperty({ example: 'RiskAssessed' }) eventType!: string;
  @ApiProperty({ example: '2026-11-23T09:05:00.000Z' }) recordedAt!: string;
  @ApiProperty({ example: 'anna.berg@region.se' }) actor!: string;
  @ApiPropertyOptional({ nullable: true, example: 'Yearly review' }) reason!: string | null;
  @ApiProperty({ example: '7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70' }) correlationId!: string;
  @ApiPropertyOptional({ nullable: true, example: '9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' })
  causationId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Security area of the risk or incident',
    example: 'PHARMACEUTICALS',
  })
  area!: string | null;
  @ApiProperty({ example: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)' })
  summary!: string;
  @ApiProperty({ example: { likelihood: 2, consequence: 4 } }) data!: Record<string, unknown>;
}
