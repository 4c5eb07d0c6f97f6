import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReportingObligationQueries } from '@riskledger/read-models';
import { Requires } from '../../../access/requires.decorator';
import { FromReadModel } from '../../../shared/from-read-model';
import { ReportingObligationResponse } from '../reporting-obligation.response';

@ApiTags('reference data')
@Controller('reporting-obligations')
export class ListReportingObligationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    summary:
      'The reporting obligations: which incidents must be reported to which authority, in which ' +
      'stages, within how many hours of discovery; the four seeded and those the region added, ' +
      'retired ones flagged',
  })
  @ApiOkResponse({ type: ReportingObligationResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReportingObligationQueries, (queries) => queries.all()),
    );
  }
}
