import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CaseFileJob } from './case-file-jobs';

export class CaseFileJobResponse {
  @ApiProperty({
    description: 'Follow it at GET /case-files/{id}',
    format: 'uuid',
    example: '3c6a1f0e-2b7d-4f59-8a2e-7d0f5b1c9e44',
  })
  id!: string;
  @ApiProperty({
    description: 'What the case file holds, in words',
    example: 'stream 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10 and everything that followed from it',
  })
  selection!: string;
  @ApiProperty({
    description: 'RUNNING while it is made, DONE when it can be downloaded, FAILED with why',
    enum: ['RUNNING', 'DONE', 'FAILED'],
    example: 'RUNNING',
  })
  status!: string;
  @ApiProperty({
    description:
      'events: reading the selected events; log: verifying the whole log; zip: packing the files',
    enum: ['events', 'log', 'zip'],
    example: 'log',
  })
  phase!: string;
  @ApiProperty({ description: 'Steps of the phase done', example: 1200 })
  done!: number;
  @ApiProperty({ description: 'Steps of the phase in all (0 until known)', example: 4000 })
  total!: number;
  @ApiPropertyOptional({
    description: 'When DONE: the SHA-256 (hex) of events.jsonl, for the receipt',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  eventsSha256?: string;
  @ApiPropertyOptional({ description: 'When DONE: events in the case file', example: 14 })
  events?: number;
  @ApiPropertyOptional({
    description: 'When DONE: whether the whole log verified intact',
    example: true,
  })
  logIntact?: boolean;
  @ApiPropertyOptional({
    description: 'When DONE: the zip file name',
    example: 'akt-2026-12-05T15-00-00-000Z.zip',
  })
  fileName?: string;
  @ApiPropertyOptional({
    description: 'When FAILED: why',
    example: 'the log has no stream 0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10',
  })
  failure?: string;
}

/** A job as the API shows it: never its file. */
export function caseFileJobResponse(job: CaseFileJob): CaseFileJobResponse {
  const { zip: _zip, requestedBy: _by, startedAt: _at, ...shown } = job;
  return shown;
}
