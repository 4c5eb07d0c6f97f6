import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredEvent } from '@riskledger/event-store';
import { envelopeOf } from '@riskledger/messaging';
import { summarise } from '@riskledger/read-models';

/** One event of a stream's history, straight from the event store. */
export class HistoryEntryResponse {
  @ApiProperty({ description: 'Global position in the event log', example: 1042 })
  position!: number;
  @ApiProperty({ description: 'Version of the stream after this event', example: 2 })
  version!: number;
  @ApiProperty({ description: 'The event type, e.g. RiskAssessed', example: 'RiskAssessed' })
  type!: string;
  @ApiProperty({ description: "The version of the event type's data schema", example: 1 })
  schemaVersion!: number;
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
  @ApiProperty({
    description: 'The event data, as its published schema version describes it',
    example: { likelihood: 2, consequence: 4, score: 8, level: 'MEDIUM', matrixVersion: 1 },
  })
  data!: Record<string, unknown>;
  @ApiProperty({
    description: 'The event in words',
    example: 'Risk assessed: likelihood 2 × consequence 4 = 8 (MEDIUM, matrix v1)',
  })
  summary!: string;
  @ApiProperty({
    description:
      'SHA-256 chaining the event to the one before it in its stream, set when it was appended (see GET /integrity)',
    example: '9f2c4e0a51b7d3e8c6a4f1b2d9e0c7a8b5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9',
  })
  hash!: string;
}

export function historyEntryOf(event: StoredEvent): HistoryEntryResponse {
  return {
    position: event.position,
    version: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    reason: event.metadata.reason,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: event.data as Record<string, unknown>,
    summary: summarise(envelopeOf(event)),
    hash: event.hash,
  };
}
