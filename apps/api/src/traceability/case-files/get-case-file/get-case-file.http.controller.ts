import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller } from '../../../access/caller.decorator';
import { Requires } from '../../../access/requires.decorator';
import { caseFileJobResponse, CaseFileJobResponse } from '../case-file-job.response';
import { CaseFileJobs } from '../case-file-jobs';

@ApiTags('traceability')
@Controller('case-files')
export class GetCaseFileController {
  constructor(private readonly jobs: CaseFileJobs) {}

  @Requires('log.read')
  @Get(':id')
  @ApiOperation({
    summary:
      'How far an Akt (case file) has come: the phase, steps done of all, and when done its ' +
      'SHA-256. Only who started it sees it; it is forgotten 30 minutes after it started.',
  })
  @ApiOkResponse({ type: CaseFileJobResponse })
  @ApiNotFoundResponse({ description: 'No such case file of the caller (or it was forgotten)' })
  get(@Param('id', ParseUUIDPipe) id: string, @Caller() caller: Principal) {
    const job = this.jobs.find(id, caller.subject);
    if (!job) throw new NotFoundException(`no case file ${id} of yours`);
    return caseFileJobResponse(job);
  }
}
