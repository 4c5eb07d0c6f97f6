import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryEntryResponse } from '../../shared/history-entry.response';
import { GetIncidentHistoryQuery } from './get-incident-history.query';
import { Requires } from '../../access/requires.decorator';
import { Caller } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';

@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('history.read')
  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the incident, in order, from the event store' })
  @ApiOkResponse({ type: HistoryEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such incident' })
  history(@Param('id', new ParseUUIDPipe()) incidentId: string, @Caller() caller: Principal) {
    return this.queryBus.execute(new GetIncidentHistoryQuery(incidentId, caller));
  }
}
