import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { RiskFilterAsOfRequest } from '../as-of/risk-filter-as-of.request.dto';
import { riskFilterOf } from '../risk-filter.request.dto';
import { RiskMatrixCountsQuery } from './risk-matrix-counts.query';
import { RiskMatrixCountsResponse } from './risk-matrix-counts.response';

@ApiTags('risks')
@Controller('risks')
export class RiskMatrixCountsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get('matrix')
  @ApiOperation({
    summary:
      'The 5×5 risk matrix of counts: how many of the risks the caller may see that match the ' +
      'filters (as GET /risks) lie in each cell, for the inherent, current and target ' +
      'assessments; now, or as they stood at a past moment (asOf). Rows are likelihood 1..5, columns consequence 1..5 ' +
      '(inherent[likelihood - 1][consequence - 1])',
  })
  @ApiOkResponse({ type: RiskMatrixCountsResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  counts(@Query() query: RiskFilterAsOfRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new RiskMatrixCountsQuery(
        visibilityOf(caller, 'risks.read'),
        riskFilterOf(query),
        query.asOf ? new Date(query.asOf) : undefined,
      ),
    );
  }
}
