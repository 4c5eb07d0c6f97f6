import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { IncidentRegisterPageResponse } from '../incident-register-entry.response';
import { incidentSortOf } from '../incident-sort';
import { ListIncidentsQuery } from './list-incidents.query';
import { ListIncidentsRequest } from './list-incidents.request.dto';
import { Requires } from '../../access/requires.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('incidents')
@Controller('incidents')
export class ListIncidentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('incidents.read')
  @Get()
  @ApiOperation({
    summary:
      'The incident register: incidents the caller may see that match the filters, sorted, a page at a time, with ' +
      'their links, investigation, actions and outward reports',
  })
  @ApiOkResponse({ type: IncidentRegisterPageResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  list(@Query() query: ListIncidentsRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new ListIncidentsQuery(
        visibilityOf(caller, 'incidents.read'),
        incidentFilterOf(query),
        incidentSortOf(query.sort),
        query.limit ?? DEFAULT_PAGE_SIZE,
        query.offset ?? 0,
      ),
    );
  }
}
