import {
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import type { Response } from 'express';
import { Caller } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import { CaseFileJobs } from '../case-file-jobs';

/** The SHA-256 of events.jsonl, so that a receipt can name it without opening the zip. */
export const EVENTS_SHA256_HEADER = 'X-Events-Sha256';

@ApiTags('traceability')
@Controller('case-files')
export class DownloadCaseFileController {
  constructor(private readonly jobs: CaseFileJobs) {}

  @Requires('log.read')
  @Get(':id/zip')
  @ApiOperation({
    summary:
      'The finished Akt (case file) as a zip of events.jsonl, summary.md and manifest.json; the ' +
      `${EVENTS_SHA256_HEADER} header carries the SHA-256 of events.jsonl, as the manifest does`,
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'Saved as akt-<time>.zip',
    schema: { type: 'string', format: 'binary' },
    headers: { [EVENTS_SHA256_HEADER]: { description: 'SHA-256 (hex) of events.jsonl' } },
  })
  @ApiNotFoundResponse({ description: 'No such case file of the caller (or it was forgotten)' })
  @ApiConflictResponse({ description: 'It is still being made, or it failed' })
  download(
    @Param('id', ParseUUIDPipe) id: string,
    @Caller() caller: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const job = this.jobs.find(id, caller.subject);
    if (!job) throw new NotFoundException(`no case file ${id} of yours`);
    if (job.status !== 'DONE' || !job.zip) {
      throw new ConflictException(
        job.status === 'FAILED'
          ? `the case file could not be made: ${job.failure}`
          : 'the case file is still being made: follow GET /case-files/{id} until it is DONE',
      );
    }
    response.setHeader(EVENTS_SHA256_HEADER, job.eventsSha256!);
    return new StreamableFile(job.zip, {
      type: 'application/zip',
      disposition: `attachment; filename="${job.fileName}"`,
    });
  }
}
