import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { riskFilterOf } from '../risk-filter.request.dto';
import { RiskOverviewQuery } from './risk-overview.query';
import { RiskOverviewRequest } from './risk-overview.request.dto';
import { RiskOverviewResponse } from './risk-overview.response';

@ApiTags('risks')
@Controller('risks')
export class RiskOverviewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get('overview')
  @ApiOperation({
    summary:
      'The dashboard: counts over the open risks the caller may see that match the filters, ' +
      'each the total of the register list it names (GET /risks with status=OPEN, the same ' +
      'filters and the one the number describes)',
  })
  @ApiOkResponse({ type: RiskOverviewResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  overview(@Query() query: RiskOverviewRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new RiskOverviewQuery(visibilityOf(caller, 'risks.read'), riskFilterOf(query)),
    );
  }
}
