import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { IncidentVersionResponse } from '../incident-version.response';
import { LinkIncidentToRiskCommand } from './link-incident-to-risk.command';
import { LinkIncidentToRiskRequest } from './link-incident-to-risk.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('incidents')
@Controller('incidents')
export class LinkIncidentToRiskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('incidents.manage')
  @Post(':id/risk-links')
  @ApiOperation({
    summary:
      'Link the incident to a risk it realised or revealed (IncidentLinkedToRisk); refused for a ' +
      'risk already linked and for a closed or dismissed incident',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  link(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: LinkIncidentToRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new LinkIncidentToRiskCommand(incidentId, body, context, expectedVersion),
    );
  }
}
