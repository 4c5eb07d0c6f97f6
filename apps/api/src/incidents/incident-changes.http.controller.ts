import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { IncidentCommand } from '@riskledger/domain';
import { IsBoolean } from 'class-validator';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { IfMatch, RequestContext } from '../platform/request-context.decorator';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { incidentWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { CloseIncidentRequest } from './close-incident/close-incident.request.dto';
import { DecideIncidentActionsCommand } from './decide-incident-actions/decide-incident-actions.command';
import { DecideIncidentActionsRequest } from './decide-incident-actions/decide-incident-actions.request.dto';
import { DismissIncidentRequest } from './dismiss-incident/dismiss-incident.request.dto';
import { IncidentVersionResponse } from './incident-version.response';
import { InvestigateIncidentRequest } from './investigate-incident/investigate-incident.request.dto';
import { LinkIncidentToRiskCommand } from './link-incident-to-risk/link-incident-to-risk.command';
import { LinkIncidentToRiskRequest } from './link-incident-to-risk/link-incident-to-risk.request.dto';
import { ReportIncidentToAuthorityRequest } from './report-incident-to-authority/report-incident-to-authority.request.dto';

export class AssessPersonalDataRequest {
  @ApiProperty({
    description: 'Whether personal data was affected (then IMY must hear of it)',
    example: true,
  })
  @IsBoolean({ message: 'personalDataAffected must be true or false' })
  personalDataAffected!: boolean;
}

/**
 * Every change to a reported incident. Each operation keeps the operationId it had as a controller
 * of its own, which the console's generated types name.
 */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentChangesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  private write(
    command: IncidentCommand,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<{ version: number }> {
    return this.commandBus.execute(new WriteToStream(incidentWrite(command, context, options)));
  }

  @Requires('incidents.manage')
  @Post(':id/personal-data')
  @ApiOperation({
    operationId: 'AssessPersonalDataController_assess',
    summary:
      'Say whether personal data was affected, or correct it (IncidentPersonalDataAssessed): ' +
      'affected, the incident owes IMY a report within 72 hours of discovery',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  assess(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: AssessPersonalDataRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { personalDataAffected } = body;
    return this.write(
      { type: 'AssessIncidentPersonalData', incidentId, personalDataAffected },
      context,
      { expectedVersion },
    );
  }

  @Requires('incidents.manage')
  @Post(':id/risk-links')
  @ApiOperation({
    operationId: 'LinkIncidentToRiskController_link',
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

  @Requires('incidents.manage')
  @Post(':id/investigation')
  @ApiOperation({
    operationId: 'InvestigateIncidentController_investigateIncident',
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
    const { findings, rootCause } = body;
    return this.write({ type: 'InvestigateIncident', incidentId, findings, rootCause }, context, {
      expectedVersion,
    });
  }

  @Requires('incidents.manage')
  @Post(':id/actions')
  @ApiOperation({
    operationId: 'DecideIncidentActionsController_decide',
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

  @Requires('incidents.manage')
  @Post(':id/outward-reports')
  @ApiOperation({
    operationId: 'ReportIncidentToAuthorityController_reportIncidentToAuthority',
    summary:
      'Record a report of the incident to an authority (IncidentReportedToAuthority), e.g. a ' +
      'serious near miss to Arbetsmiljöverket, a care injury to IVO (lex Maria), an IT incident to MSB',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  reportIncidentToAuthority(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: ReportIncidentToAuthorityRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { authority, reference } = body;
    return this.write(
      {
        type: 'ReportIncidentToAuthority',
        incidentId,
        authority,
        reference,
        reportedAt: new Date(body.reportedAt),
        now: this.clock.now(),
      },
      context,
      { expectedVersion },
    );
  }

  @Requires('incidents.manage')
  @Post(':id/closure')
  @ApiOperation({
    operationId: 'CloseIncidentController_closeIncident',
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
    return this.write({ type: 'CloseIncident', incidentId, summary: body.summary }, context, {
      expectedVersion,
    });
  }

  @Requires('incidents.manage')
  @Post(':id/dismissal')
  @ApiOperation({
    operationId: 'DismissIncidentController_dismissIncident',
    summary: 'Dismiss the report, e.g. a duplicate or not a security matter (IncidentDismissed)',
  })
  @ApiCreatedResponse({ type: IncidentVersionResponse })
  @ApiNotFoundResponse({ description: 'No such incident' })
  @WriteEndpoint({ conditional: true })
  dismissIncident(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: DismissIncidentRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'DismissIncident', incidentId, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
