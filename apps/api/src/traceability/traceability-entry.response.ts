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
  @ApiProperty({
    description: 'Of a restricted (säkerhetsskydd) stream: shown only to cleared callers',
    example: false,
  })
  restricted!: boolean;
}
