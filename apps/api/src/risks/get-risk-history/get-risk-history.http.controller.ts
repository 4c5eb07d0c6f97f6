import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryEntryResponse } from '../../shared/history-entry.response';
import { GetRiskHistoryQuery } from './get-risk-history.query';
import { Requires } from '../../access/requires.decorator';
import { Caller } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

@ApiTags('risks')
@Controller('risks')
export class GetRiskHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('history.read')
  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the risk, in order, from the event store' })
  @ApiOkResponse({ type: HistoryEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such risk' })
  history(@Param('id', new ParseUUIDPipe()) riskId: string, @Caller() caller: Principal) {
    return this.queryBus.execute(new GetRiskHistoryQuery(riskId, caller));
  }
}
