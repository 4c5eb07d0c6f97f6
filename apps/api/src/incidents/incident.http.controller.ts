import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IncidentCommand, Principal } from '@riskledger/domain';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import type { Response } from 'express';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { IfMatch, RequestContext } from '../platform/request-context.decorator';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { FromReadModel } from '../shared/from-read-model';
import { HistoryEntryResponse } from '../shared/history-entry.response';
import { StreamHistoryQuery } from '../shared/stream-history';
import { incidentWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { DecideIncidentActionsCommand } from './decide-incident-actions/decide-incident-actions.command';
import { DecideIncidentActionsRequest } from './decide-incident-actions/decide-incident-actions.request.dto';
import { ChainEntryResponse } from './get-incident-chain/chain-entry.response';
import { GetIncidentChainQuery } from './get-incident-chain/get-incident-chain.query';
import {
  AssessPersonalDataRequest,
  CloseIncidentRequest,
  DismissIncidentRequest,
  InvestigateIncidentRequest,
  ReportIncidentToAuthorityRequest,
} from './incident-changes.request.dto';
import { IncidentVersionResponse } from './incident-version.response';
import { LinkIncidentToRiskCommand } from './link-incident-to-risk/link-incident-to-risk.command';
import { LinkIncidentToRiskRequest } from './link-incident-to-risk/link-incident-to-risk.request.dto';
import { IncidentWithClockResponse } from './reporting-clock/reporting-clock.response';
import { ReportingClocks } from './reporting-clock/reporting-clocks';

/**
 * One reported incident: every change to it, its history and its chain. Each operation keeps the
 * operationId it had as a controller of its own, which the console's generated types name.
 */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    private readonly clocks: ReportingClocks,
  ) {}

  private write(
    command: IncidentCommand,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<{ version: number }> {
    return this.commandBus.execute(new WriteToStream(incidentWrite(command, context, options)));
  }

  @Requires('incidents.read')
  @Get(':id')
  @ApiOperation({
    operationId: 'GetIncidentController_get',
    summary:
      'One incident as the register holds it (its ETag is its version): linked risks, ' +
      'investigation, actions, outward reports made, required and missing, and its reporting ' +
      'clock (each authority, stage and deadline counted from discovery)',
  })
  @ApiOkResponse({ type: IncidentWithClockResponse })
  @ApiNotFoundResponse({
    description:
      'No such incident in the register (yet), or none the caller may see (outside their units ' +
      'and areas, or, for a reporter, reported by someone else)',
  })
  async get(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    const [entry, obligations] = await Promise.all([
      this.queryBus.execute(
        new FromReadModel(IncidentRegisterQueries, (register) =>
          register.get(incidentId, visibilityOf(caller, 'incidents.read')),
        ),
      ),
      this.clocks.inForce(),
    ]);
    if (!entry) throw new NotFoundException(`incident ${incidentId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return { ...entry, reportingClock: this.clocks.of(entry, obligations) };
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

  @Requires('history.read')
  @Get(':id/history')
  @ApiOperation({
    operationId: 'GetIncidentHistoryController_history',
    summary: 'Every event of the incident, in order, from the event store',
  })
  @ApiOkResponse({ type: HistoryEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such incident' })
  history(@Param('id', new ParseUUIDPipe()) incidentId: string, @Caller() caller: Principal) {
    return this.queryBus.execute(new StreamHistoryQuery('incident', incidentId, caller));
  }

  @Requires('history.read')
  @Get(':id/chain')
  @ApiOperation({
    operationId: 'GetIncidentChainController_chain',
    summary:
      'Everything that happened because of the incident, in log order: its own events, events ' +
      'that share a correlation id with the chain, and events whose causation id names the ' +
      'incident or an event of the chain (X-Causation-Id), followed to the end',
  })
  @ApiOkResponse({ type: ChainEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such incident in the traceability log (yet)' })
  async chain(@Param('id', new ParseUUIDPipe()) incidentId: string, @Caller() caller: Principal) {
    const chain = await this.queryBus.execute(
      new GetIncidentChainQuery(incidentId, visibilityOf(caller, 'history.read')),
    );
    if (!chain.some((entry) => entry.link === 'INCIDENT' && entry.streamType === 'incident')) {
      throw new NotFoundException(`incident ${incidentId} is not in the traceability log`);
    }
    return chain;
  }
}
