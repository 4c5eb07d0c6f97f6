import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const HASH = '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';

export class LogCheckpointResponse {
  @ApiProperty({ description: 'PostgreSQL transaction id (xid8) of the event', example: '7921' })
  transactionId!: string;
  @ApiProperty({
    description: 'The global position in the event store (the order of the log)',
    example: 1042,
  })
  position!: number;
}

export class LogSealResponse {
  @ApiProperty({ description: 'The number of the seal', example: 17 }) sealNo!: number;
  @ApiPropertyOptional({ nullable: true, description: 'Hash of the seal before', example: HASH })
  previousHash!: string | null;
  @ApiProperty({ description: 'The last event the seal covers, in commit order' })
  upTo!: LogCheckpointResponse;
  @ApiProperty({ description: 'Events this seal covers', example: 1000 }) eventCount!: number;
  @ApiProperty({
    description: 'SHA-256 of the seal: record it elsewhere to prove later nothing was rewritten',
    example: HASH,
  })
  hash!: string;
  @ApiProperty({ description: 'When the seal was made', example: '2026-11-23T09:05:01.250Z' })
  sealedAt!: string;
}

export class IntegrityProblemResponse {
  @ApiProperty({
    description: 'The kind of break found',
    enum: [
      'HASH_MISMATCH',
      'VERSION_MISSING',
      'EVENT_MISSING',
      'EVENT_NOT_SEALED',
      'SEAL_MISMATCH',
      'SEAL_BROKEN',
    ],
    example: 'HASH_MISMATCH',
  })
  kind!: string;
  @ApiProperty({ description: 'Log position where the log breaks', example: 1042 })
  position!: number;
  @ApiPropertyOptional({
    description: 'The risk, incident or other record the event belongs to',
    nullable: true,
    example: '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  streamId!: string | null;
  @ApiPropertyOptional({
    description: "The stream's version after this event (gapless per stream)",
    nullable: true,
    example: 2,
  })
  streamVersion!: number | null;
  @ApiPropertyOptional({ description: 'The number of the seal', nullable: true, example: null })
  sealNo!: number | null;
  @ApiProperty({
    description: 'What exactly was wrong',
    example:
      "the stored hash does not match the event's content, position or link to version 1: the event was changed",
  })
  detail!: string;
}

export class IntegrityReportResponse {
  @ApiProperty({ description: 'True when no problem was found', example: true }) intact!: boolean;
  @ApiProperty({ description: 'When the check ran', example: '2026-11-23T09:05:01.200Z' })
  checkedAt!: string;
  @ApiProperty({ description: 'How long the check took, in milliseconds', example: 840 })
  durationMs!: number;
  @ApiProperty({ description: 'Events checked', example: 17045 }) events!: number;
  @ApiProperty({ description: 'Streams (risks, incidents) checked', example: 2210 })
  streams!: number;
  @ApiPropertyOptional({ nullable: true, description: 'Checked range: from', example: 1 })
  firstPosition!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'Checked range: to', example: 17120 })
  lastPosition!: number | null;
  @ApiProperty({ description: 'How many seals were checked', example: 18 }) seals!: number;
  @ApiProperty({ description: 'How many events the seals cover', example: 17045 })
  sealedEvents!: number;
  @ApiProperty({
    description: 'Events after the last seal (their order and deletion are not covered yet)',
    example: 0,
  })
  unsealedEvents!: number;
  @ApiPropertyOptional({ type: LogSealResponse, nullable: true, description: 'The head seal' })
  head!: LogSealResponse | null;
  @ApiProperty({
    description: 'Whether the triggers refusing UPDATE, DELETE and TRUNCATE on the log are on',
    example: true,
  })
  guardsEnabled!: boolean;
  @ApiPropertyOptional({
    type: IntegrityProblemResponse,
    nullable: true,
    description: 'Where the log first breaks (lowest position); null when intact',
  })
  firstBreak!: IntegrityProblemResponse | null;
  @ApiProperty({ type: IntegrityProblemResponse, isArray: true, description: 'The first 100' })
  problems!: IntegrityProblemResponse[];
  @ApiProperty({ description: 'How many breaks were found (0: intact)', example: 0 })
  problemCount!: number;
}
