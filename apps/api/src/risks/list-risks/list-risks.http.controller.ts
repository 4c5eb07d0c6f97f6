import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { riskFilterOf } from '../risk-filter.request.dto';
import { riskSortOf } from '../risk-sort';
import { ListRisksQuery } from './list-risks.query';
import { ListRisksRequest } from './list-risks.request.dto';
import { RiskRegisterPageResponse } from './risk-register-page.response';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('risks')
@Controller('risks')
export class ListRisksController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get()
  @ApiOperation({
    summary:
      'The risk register: the risks the caller may see that match the filters, sorted, a page ' +
      'at a time; now, or as they stood at a past moment (asOf)',
  })
  @ApiOkResponse({ type: RiskRegisterPageResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  list(@Query() query: ListRisksRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new ListRisksQuery(
        caller,
        visibilityOf(caller, 'risks.read'),
        riskFilterOf(query),
        riskSortOf(query.sort),
        query.limit ?? DEFAULT_PAGE_SIZE,
        query.offset ?? 0,
        query.asOf ? new Date(query.asOf) : undefined,
      ),
    );
  }
}
