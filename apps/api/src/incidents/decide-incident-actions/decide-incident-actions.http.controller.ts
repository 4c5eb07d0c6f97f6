import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IncidentVersionResponse } from '../incident-version.response';
import { DecideIncidentActionsCommand } from './decide-incident-actions.command';
import { DecideIncidentActionsRequest } from './decide-incident-actions.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class DecideIncidentActionsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.manage')
  @Post(':id/actions')
  @ApiOperation({
    summary:
      'Record the actions decided on the investigated incident, each on a linked risk ' +
      '(IncidentActionsDecided). Plan the measures on the risks with POST /risks/{id}/mitigations ' +
      'and X-Causation-Id naming the incident',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  decide(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: DecideIncidentActionsRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new DecideIncidentActionsCommand(incidentId, body, context, expectedVersion),
    );
  }
}
