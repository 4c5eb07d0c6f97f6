import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LoggedEventResponse } from '../shared/logged-event.response';

/** One entry of the traceability log as the API documents it (the shape is TraceabilityEntry). */
export class TraceabilityEntryResponse extends LoggedEventResponse {
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
  @ApiPropertyOptional({
    nullable: true,
    description: 'Security area of the risk or incident',
    example: 'PHARMACEUTICALS',
  })
  area!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Organisational unit of the risk or incident (none for goals)',
    example: 'WARD12',
  })
  unit!: string | null;
  @ApiProperty({
    description: 'Of a restricted (säkerhetsskydd) stream: shown only to cleared callers',
    example: false,
  })
  restricted!: boolean;
}

/** One entry with what the event store holds of its event (GET /traceability/{position}). */
export class TraceabilityEventResponse extends TraceabilityEntryResponse {
  @ApiProperty({
    description: 'The version of the event type’s schema it was written in',
    example: 2,
  })
  schemaVersion!: number;
  @ApiProperty({
    description: 'The event’s metadata as recorded: actor, reason, correlation, causation, ...',
    type: 'object',
    additionalProperties: true,
    example: { actor: 'anna.berg', correlationId: '7d2b4c8e-0f7a-4a8e-9b1e-2f3c4d5e6f70' },
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({
    description: 'The event’s link in its hash chain (SHA-256, hex): what GET /integrity verifies',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  hash!: string;
}
