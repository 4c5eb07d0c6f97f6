import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { IncidentRegisterPageResponse } from '../incident-register-entry.response';
import { incidentSortOf } from '../incident-sort';
import { ListIncidentsQuery } from './list-incidents.query';
import { ListIncidentsRequest } from './list-incidents.request.dto';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('incidents')
@Controller('incidents')
export class ListIncidentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The incident register: incidents matching the filters, sorted, a page at a time, with ' +
      'their links, investigation, actions and outward reports',
  })
  @ApiOkResponse({ type: IncidentRegisterPageResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  list(@Query() query: ListIncidentsRequest) {
    return this.queryBus.execute(
      new ListIncidentsQuery(
        incidentFilterOf(query),
        incidentSortOf(query.sort),
        query.limit ?? DEFAULT_PAGE_SIZE,
        query.offset ?? 0,
      ),
    );
  }
}
