import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { IncidentOverviewQuery } from './incident-overview.query';
import { IncidentOverviewRequest } from './incident-overview.request.dto';
import { IncidentOverviewResponse } from './incident-overview.response';

@ApiTags('incidents')
@Controller('incidents')
export class IncidentOverviewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('incidents.read')
  @Get('overview')
  @ApiOperation({
    summary:
      'The dashboard: counts over the open incidents the caller may see that match the ' +
      'filters, each the total of the incident list it names (GET /incidents with open=true, ' +
      'the same filters and the one the number describes)',
  })
  @ApiOkResponse({ type: IncidentOverviewResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  overview(@Query() query: IncidentOverviewRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new IncidentOverviewQuery(visibilityOf(caller, 'incidents.read'), incidentFilterOf(query)),
    );
  }
}
