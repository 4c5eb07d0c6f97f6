import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { incidentWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IncidentVersionResponse } from '../incident-version.response';
import { CloseIncidentRequest } from './close-incident.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class CloseIncidentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.manage')
  @Post(':id/closure')
  @ApiOperation({
    summary:
      'Close the incident (IncidentClosed). A serious near miss, accident or care injury must be ' +
      'investigated first, and a required outward report (see outwardReportsMissing) recorded first',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  closeIncident(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: CloseIncidentRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        incidentWrite({ type: 'CloseIncident', incidentId, summary: body.summary }, context, {
          expectedVersion,
        }),
      ),
    );
  }
}
