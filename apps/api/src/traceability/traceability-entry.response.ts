import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the traceability log as the API documents it (the shape is TraceabilityEntry). */
export class TraceabilityEntryResponse {
  @ApiProperty({
    description: 'The global position in the event store (the order of the log)',
    example: 1042,
  })
  position!: number;
  @ApiProperty({
    description: 'The unique id of the event',
    example: 'e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0',
  })
  eventId!: string;
  @ApiProperty({ description: 'The kind of stream: risk, incident, goal, ...', example: 'risk' })
  streamType!: string;
  @ApiProperty({
    description: 'The risk, incident or other record the event belongs to',
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  streamId!: string;
  @ApiProperty({
    description: "The stream's version after this event (gapless per stream)",
    example: 2,
  })
  streamVersion!: number;
  @ApiProperty({ description: 'The event type, e.g. RiskAssessed', example: 'RiskAssessed' })
  eventType!: string;
  @ApiProperty({ description: 'When the store recorded it', example: '2026-11-23T09:05:00.000Z' })
  recordedAt!: string;
  @ApiProperty({
    description: "Who caused the event: the signed-in caller's subject",
    example: 'anna.berg@region.se',
  })
  actor!: string;
  @ApiPropertyOptional({
    description: "Why, in the actor's words, when a reason was given",
    nullable: true,
    example: 'Yearly review',
  })
  reason!: string | null;
  @ApiProperty({
    description: 'Groups the events of one flow or case (X-Correlation-Id)',
    example: '7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70',
  })
  correlationId!: string;
  @ApiPropertyOptional({
    description: 'The request, event or record that caused it (X-Causation-Id), when there is one',
    nullable: true,
    example: '9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
  })
  causationId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Security area of the risk or incident',
    example: 'PHARMACEUTICALS',
  })
  area!: string | null;
  @ApiProperty({
    description: 'The event in one sentence, for readers who do not know its schema',
    example: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
  })
  summary!: string;
  @ApiProperty({
    description: 'The event data, as its published schema version describes it',
    example: { likelihood: 2, consequence: 4 },
  })
  data!: Record<string, unknown>;
}
