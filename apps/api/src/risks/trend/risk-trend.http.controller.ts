import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { riskFilterOf } from '../risk-filter.request.dto';
import { RiskTrendQuery } from './risk-trend.query';
import { RiskTrendRequest } from './risk-trend.request.dto';
import { RiskTrendResponse } from './risk-trend.response';

const DEFAULT_MONTHS = 24;

@ApiTags('risks')
@Controller('risks')
export class RiskTrendController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('risks.read')
  @Get('trend')
  @ApiOperation({
    summary:
      'The register over time: the open risks the caller may see that match the filters, by ' +
      'headline level (as the register held it: the current assessment, or the inherent one ' +
      'while none), at the end of each of the last months, from the event log',
  })
  @ApiOkResponse({ type: RiskTrendResponse })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  trend(@Query() query: RiskTrendRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new RiskTrendQuery(
        visibilityOf(caller, 'risks.read'),
        riskFilterOf(query),
        query.months ?? DEFAULT_MONTHS,
      ),
    );
  }
}
