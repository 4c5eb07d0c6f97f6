import { FromReadModel } from '../../shared/from-read-model';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { incidentFilterOf } from '../incident-filter.request.dto';
import { IncidentRegisterPageResponse } from '../incident-register-entry.response';
import { incidentSortOf } from '../incident-sort';
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
      new FromReadModel(IncidentRegisterQueries, (register) =>
        register.list(incidentFilterOf(query), {
          sort: incidentSortOf(query.sort),
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          offset: query.offset ?? 0,
          visibility: visibilityOf(caller, 'incidents.read'),
        }),
      ),
    );
  }
}
