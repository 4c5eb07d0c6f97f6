import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { incidentWrite, WriteToStream } from '../../shared/stream-writes';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IncidentVersionResponse } from '../incident-version.response';
import { InvestigateIncidentRequest } from './investigate-incident.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class InvestigateIncidentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.manage')
  @Post(':id/investigation')
  @ApiOperation({
    summary:
      'Record the investigation of the incident: findings and root cause (IncidentInvestigated). ' +
      'A later investigation supersedes an earlier one',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  investigateIncident(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: InvestigateIncidentRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        incidentWrite(
          {
            type: 'InvestigateIncident',
            incidentId,
            findings: body.findings,
            rootCause: body.rootCause,
          },
          context,
          { expectedVersion },
        ),
      ),
    );
  }
}
