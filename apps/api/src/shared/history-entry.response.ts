import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { envelopeOf } from '@riskledger/contracts';
import type { StoredEvent } from '@riskledger/event-store';
import { summarise } from '@riskledger/read-models';
import { LoggedEventResponse } from './logged-event.response';

/** One event of a stream's history, straight from the event store. */
export class HistoryEntryResponse extends LoggedEventResponse {
  @ApiProperty({ description: 'Version of the stream after this event', example: 2 })
  version!: number;
  @ApiProperty({ description: 'The event type, e.g. RiskAssessed', example: 'RiskAssessed' })
  type!: string;
  @ApiProperty({ description: "The version of the event type's data schema", example: 1 })
  schemaVersion!: number;
  @ApiProperty({
    description:
      'SHA-256 chaining the event to the one before it in its stream, set when it was appended (see GET /integrity)',
    example: '9f2c4e0a51b7d3e8c6a4f1b2d9e0c7a8b5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9',
  })
  hash!: string;
  @ApiPropertyOptional({
    description:
      'For an event a bulk import appended: the SHA-256 of the imported file and its row (the ' +
      'header is row 1); null otherwise',
    nullable: true,
    type: () => ImportedFromResponse,
  })
  importedFrom!: ImportedFromResponse | null;
}

export class ImportedFromResponse {
  @ApiProperty({
    description: 'SHA-256 of the imported file, as the import answered it',
    example: '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
  })
  fileSha256!: string;
  @ApiProperty({ description: 'The row of the file (the header is row 1)', example: 2 })
  row!: number;
}

export function historyEntryOf(event: StoredEvent): HistoryEntryResponse {
  return {
    position: event.position,
    version: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    actorName: event.metadata.actorName ?? null,
    reason: event.metadata.reason,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: event.data as Record<string, unknown>,
    summary: summarise(envelopeOf(event)),
    hash: event.hash,
    importedFrom: event.metadata.importedFrom ?? null,
  };
}
