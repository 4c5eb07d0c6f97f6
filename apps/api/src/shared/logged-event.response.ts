import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What every view of a logged event shows (a stream's history, the traceability log). */
export class LoggedEventResponse {
  @ApiProperty({
    description: 'The global position in the event store (the order of the log)',
    example: 1042,
  })
  position!: number;
  @ApiProperty({ description: 'When the store recorded it', example: '2026-11-23T09:05:00.000Z' })
  recordedAt!: string;
  @ApiProperty({
    description: "Who caused the event: the signed-in caller's subject",
    example: 'anna.berg@region.se',
  })
  actor!: string;
  @ApiPropertyOptional({
    description: "The actor's display name when the event was recorded (null before sign-in)",
    nullable: true,
    example: 'Anna Berg',
  })
  actorName!: string | null;
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
  @ApiProperty({
    description: 'The event in one sentence, for readers who do not know its schema',
    example: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
  })
  summary!: string;
  @ApiProperty({
    description: 'The event data, as its published schema version describes it',
    example: { likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM', matrixVersion: 1 },
  })
  data!: Record<string, unknown>;
}
