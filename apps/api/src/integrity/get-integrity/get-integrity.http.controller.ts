import { FromReadModel } from '../../shared/from-read-model';
import { LogIntegrity } from '@riskledger/event-store';
import { Controller, Get, Headers, type StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrityReportResponse } from './integrity-report.response';
import { Requires } from '../../access/requires.decorator';
import { streamProgress, wantsProgress } from '../../platform/progress-stream';

@ApiTags('integrity')
@Controller('integrity')
export class GetIntegrityController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('log.read')
  @Get()
  @ApiOperation({
    summary:
      'Seals the events appended since the last seal, then checks the whole log against its hash ' +
      'chains and seals: the checked range, the head hash and where the log first breaks. ' +
      'Reads every event: seconds on a large log. With Accept: application/x-ndjson it answers ' +
      'its progress a JSON line at a time ({"progress": {done, total}} in steps: each event is ' +
      'read, then checked against its seal) and last ' +
      '{"status": 200, "body": report}.',
  })
  @ApiOkResponse({ type: IntegrityReportResponse })
  check(
    @Headers('accept') accept: string | undefined,
  ): Promise<IntegrityReportResponse> | StreamableFile {
    const check = (onProgress?: (done: number, total: number) => void) =>
      this.queryBus.execute(
        new FromReadModel(LogIntegrity, (integrity) => integrity.check({ onProgress })),
      );
    if (!wantsProgress(accept)) return check();
    return streamProgress((report) => check((done, total) => report({ done, total })), 200);
  }
}
