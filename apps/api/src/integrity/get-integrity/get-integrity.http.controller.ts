import { FromReadModel } from '../../shared/from-read-model';
import { LogIntegrity } from '@riskledger/event-store';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntegrityReportResponse } from './integrity-report.response';
import { Requires } from '../../access/requires.decorator';

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
      'Reads every event: seconds on a large log.',
  })
  @ApiOkResponse({ type: IntegrityReportResponse })
  check() {
    return this.queryBus.execute(new FromReadModel(LogIntegrity, (integrity) => integrity.check()));
  }
}
