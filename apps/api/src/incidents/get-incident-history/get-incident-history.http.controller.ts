import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HistoryEntryResponse } from '../../shared/history-entry.response';
import { GetIncidentHistoryQuery } from './get-incident-history.query';

@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHistoryController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event of the incident, in order, from the event store' })
  @ApiOkResponse({ type: HistoryEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such incident' })
  history(@Param('id', new ParseUUIDPipe()) incidentId: string) {
    return this.queryBus.execute(new GetIncidentHistoryQuery(incidentId));
  }
}
