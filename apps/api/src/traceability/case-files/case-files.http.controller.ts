import {
  Body,
  ConflictException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { NoSuchStreamError } from '@riskledger/case-file';
import type { Principal } from '@riskledger/domain';
import type { Response } from 'express';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { caseFileJobResponse, CaseFileJobResponse } from './case-file-job.response';
import { CaseFileJobs } from './case-file-jobs';
import { caseFileSelectionOf, StartCaseFileRequest } from './start-case-file.request.dto';

/** The SHA-256 of events.jsonl, so that a receipt can name it without opening the zip. */
const EVENTS_SHA256_HEADER = 'X-Events-Sha256';

/**
 * Starting an Akt (case file), following it and downloading it. Each operation keeps the operationId it had as a
 * controller of its own, which the console's generated types name.
 */
@ApiTags('traceability')
@Controller('case-files')
export class CaseFilesController {
  constructor(private readonly jobs: CaseFileJobs) {}

  private job(id: string, caller: Principal) {
    const job = this.jobs.find(id, caller.subject);
    if (!job) throw new NotFoundException(`no case file ${id} of yours`);
    return job;
  }

  @Requires('log.read')
  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'StartCaseFileController_start',
    summary:
      'Start an Akt (case file), the same as the CLI export writes: events.jsonl, summary.md and ' +
      'manifest.json for a stream (with its chain) or a time range, with the whole log verified. ' +
      'Answers once the events are read; follow GET /case-files/{id}, then download its zip. ' +
      'A case file holds restricted events too: only a cleared caller may make one.',
  })
  @ApiAcceptedResponse({ type: CaseFileJobResponse })
  @ApiBadRequestResponse({
    description: 'Neither a stream nor a time range; the message names the field',
  })
  @ApiNotFoundResponse({ description: 'The log has no such stream' })
  async start(@Body() body: StartCaseFileRequest, @Caller() caller: Principal) {
    const selection = caseFileSelectionOf(body);
    if (!visibilityOf(caller, 'log.read').cleared) {
      throw new ForbiddenException(
        'a case file holds every event of its selection, restricted ones too: only a caller ' +
          'cleared for säkerhetsskydd may make one',
      );
    }
    try {
      return caseFileJobResponse(await this.jobs.start(selection, caller));
    } catch (error) {
      if (error instanceof NoSuchStreamError) throw new NotFoundException(error.message);
      throw error;
    }
  }

  @Requires('log.read')
  @Get(':id')
  @ApiOperation({
    operationId: 'GetCaseFileController_get',
    summary:
      'How far an Akt (case file) has come: the phase, steps done of all, and when done its ' +
      'SHA-256. Only who started it sees it; it is forgotten 30 minutes after it started.',
  })
  @ApiOkResponse({ type: CaseFileJobResponse })
  @ApiNotFoundResponse({ description: 'No such case file of the caller (or it was forgotten)' })
  get(@Param('id', ParseUUIDPipe) id: string, @Caller() caller: Principal) {
    return caseFileJobResponse(this.job(id, caller));
  }

  @Requires('log.read')
  @Get(':id/zip')
  @ApiOperation({
    operationId: 'DownloadCaseFileController_download',
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
    const job = this.job(id, caller);
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
