import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
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
import type { Principal, RiskCommand } from '@riskledger/domain';
import type { Response } from 'express';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { IfMatch, RequestContext } from '../platform/request-context.decorator';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { HistoryEntryResponse } from '../shared/history-entry.response';
import { StreamHistoryQuery } from '../shared/stream-history';
import { riskWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { VersionResponse } from '../shared/version.response';
import { AcceptRiskCommand } from './accept-risk/accept-risk.command';
import { AcceptRiskRequest, AcceptRiskResponse } from './accept-risk/accept-risk.request.dto';
import { AssessRiskCommand } from './assess-risk/assess-risk.command';
import { AssessRiskRequest, AssessRiskResponse } from './assess-risk/assess-risk.request.dto';
import {
  ApplyMitigationRequest,
  AssignRiskOwnerRequest,
  CancelMitigationRequest,
  CloseRiskRequest,
  PlanMitigationRequest,
  PlanMitigationResponse,
  ReopenRiskRequest,
  ReviewRiskRequest,
  RevokeRiskAcceptanceRequest,
  StartMitigationRequest,
  VerifyMitigationRequest,
} from './risk-changes.request.dto';
import { RequestReassessmentsCommand } from './request-reassessments/request-reassessments.command';
import {
  RequestReassessmentsRequest,
  RequestReassessmentsResponse,
} from './request-reassessments/request-reassessments.request.dto';
import { GetRiskQuery } from './get-risk/get-risk.query';
import { GetRiskRequest } from './get-risk/get-risk.request.dto';
import { RiskRegisterEntryResponse } from './risk-register-entry.response';

/**
 * One identified risk: its history and every change to it. Each operation keeps the operationId
 * it had as a controller of its own, which the console's generated types name.
 */
@ApiTags('risks')
@Controller('risks')
export class RiskController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  private write(
    command: RiskCommand,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<{ version: number }> {
    return this.commandBus.execute(new WriteToStream(riskWrite(command, context, options)));
  }

  @Requires('risks.read')
  @Get(':id')
  @ApiOperation({
    operationId: 'GetRiskController_get',
    summary:
      'One risk as the register holds it (its ETag is its version), or as it held it at a past ' +
      'moment (asOf, from the log)',
  })
  @ApiOkResponse({ type: RiskRegisterEntryResponse })
  @ApiNotFoundResponse({
    description:
      'No such risk in the register (at that moment), or none the caller may see (outside their ' +
      'units and areas, or restricted and the caller not cleared)',
  })
  async get(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Query() query: GetRiskRequest,
    @Res({ passthrough: true }) response: Response,
    @Caller() caller: Principal,
  ) {
    const visibility = visibilityOf(caller, 'risks.read');
    if (query.asOf) {
      const entry = await this.queryBus.execute(
        new GetRiskQuery(riskId, caller, visibility, new Date(query.asOf)),
      );
      if (!entry) {
        throw new NotFoundException(`risk ${riskId} was not in the register at ${query.asOf}`);
      }
      return entry;
    }
    const entry = await this.queryBus.execute(new GetRiskQuery(riskId, caller, visibility));
    if (!entry) throw new NotFoundException(`risk ${riskId} is not in the register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }

  @Requires('history.read')
  @Get(':id/history')
  @ApiOperation({
    operationId: 'GetRiskHistoryController_history',
    summary: 'Every event of the risk, in order, from the event store',
  })
  @ApiOkResponse({ type: HistoryEntryResponse, isArray: true })
  @ApiNotFoundResponse({ description: 'No such risk' })
  history(@Param('id', new ParseUUIDPipe()) riskId: string, @Caller() caller: Principal) {
    return this.queryBus.execute(new StreamHistoryQuery('risk', riskId, caller));
  }

  @Requires('risks.write')
  @Post(':id/assessments')
  @ApiOperation({
    operationId: 'AssessRiskController_assess',
    summary:
      'Assess (or reassess) a risk: likelihood × consequence of its inherent, current or target risk (RiskAssessed)',
  })
  @ApiCreatedResponse({ type: AssessRiskResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  assess(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AssessRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(new AssessRiskCommand(riskId, body, context, expectedVersion));
  }

  @Requires('risks.write')
  @Post(':id/mitigations')
  @ApiOperation({
    operationId: 'PlanMitigationController_plan',
    summary: 'Plan a mitigation: eliminate, limit or monitor the risk (MitigationPlanned)',
  })
  @ApiCreatedResponse({ type: PlanMitigationResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  async plan(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: PlanMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const mitigationId = randomUUID();
    const { version } = await this.write(
      { type: 'PlanMitigation', riskId, mitigationId, ...body },
      context,
      { expectedVersion },
    );
    return { mitigationId, version };
  }

  @Requires('risks.write')
  @Post(':id/mitigations/:mitigationId/applied')
  @ApiOperation({
    operationId: 'ApplyMitigationController_apply',
    summary: 'Record that a planned mitigation has been applied (MitigationApplied)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such mitigation planned on it' })
  @WriteEndpoint({ conditional: true })
  apply(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('mitigationId', new ParseUUIDPipe()) mitigationId: string,
    @Body() body: ApplyMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'ApplyMitigation', riskId, mitigationId, note: body.note }, context, {
      expectedVersion,
    });
  }

  @Requires('risks.write')
  @Post(':id/mitigations/:mitigationId/started')
  @ApiOperation({
    operationId: 'StartMitigationController_start',
    summary: 'Record that work on a planned mitigation has started (MitigationStarted)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such mitigation on it' })
  @WriteEndpoint({ conditional: true })
  start(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('mitigationId', new ParseUUIDPipe()) mitigationId: string,
    @Body() _body: StartMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'StartMitigation', riskId, mitigationId }, context, {
      expectedVersion,
    });
  }

  @Requires('risks.write')
  @Post(':id/mitigations/:mitigationId/verified')
  @ApiOperation({
    operationId: 'VerifyMitigationController_verify',
    summary:
      'Record the effect an applied mitigation was seen to have at follow-up (MitigationVerified)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such mitigation on it' })
  @WriteEndpoint({ conditional: true })
  verify(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('mitigationId', new ParseUUIDPipe()) mitigationId: string,
    @Body() body: VerifyMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write(
      { type: 'VerifyMitigation', riskId, mitigationId, effect: body.effect },
      context,
      { expectedVersion },
    );
  }

  @Requires('risks.write')
  @Post(':id/mitigations/:mitigationId/cancelled')
  @ApiOperation({
    operationId: 'CancelMitigationController_cancel',
    summary: 'Cancel a mitigation that has not been applied (MitigationCancelled)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such mitigation on it' })
  @WriteEndpoint({ conditional: true })
  cancel(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('mitigationId', new ParseUUIDPipe()) mitigationId: string,
    @Body() body: CancelMitigationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write(
      { type: 'CancelMitigation', riskId, mitigationId, reason: body.reason },
      context,
      { reason: body.reason, expectedVersion },
    );
  }

  @Requires('risks.write')
  @Post(':id/owner')
  @ApiOperation({
    operationId: 'AssignRiskOwnerController_assign',
    summary: 'Assign the risk owner, or hand the risk to another owner (RiskOwnerAssigned)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  assign(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AssignRiskOwnerRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'AssignRiskOwner', riskId, owner: body.owner }, context, {
      expectedVersion,
    });
  }

  @Requires('risks.accept')
  @Post(':id/acceptances')
  @ApiOperation({
    operationId: 'AcceptRiskController_accept',
    summary:
      'Accept the residual risk (RiskAccepted): the target assessment, else the current one, is ' +
      'frozen into the acceptance. Only a role the matrix in force allows for the level may ' +
      'accept (else 409 acceptance-mandate); the acceptance lapses by itself on lapsesOn.',
  })
  @ApiCreatedResponse({ type: AcceptRiskResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  accept(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AcceptRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(new AcceptRiskCommand(riskId, body, context, expectedVersion));
  }

  @Requires('risks.accept')
  @Post(':id/acceptances/:acceptanceId/revocation')
  @ApiOperation({
    operationId: 'RevokeRiskAcceptanceController_revoke',
    summary: 'Revoke the acceptance in force before it lapses (RiskAcceptanceRevoked)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk, or no such acceptance of it' })
  @WriteEndpoint({ conditional: true })
  revoke(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Param('acceptanceId', new ParseUUIDPipe()) acceptanceId: string,
    @Body() body: RevokeRiskAcceptanceRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write(
      { type: 'RevokeRiskAcceptance', riskId, acceptanceId, reason: body.reason },
      context,
      { reason: body.reason, expectedVersion },
    );
  }

  @Requires('risks.write')
  @Post(':id/reviews')
  @ApiOperation({
    operationId: 'ReviewRiskController_review',
    summary:
      'Record a review of the risk and set its next review date (RiskReviewed); clears "needs review"',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  review(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: ReviewRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { notes, nextReviewDate } = body;
    const today = this.clock.today();
    return this.write({ type: 'ReviewRisk', riskId, notes, nextReviewDate, today }, context, {
      expectedVersion,
    });
  }

  @Requires('risks.write')
  @Post('reassessments')
  @ApiOperation({
    operationId: 'RequestReassessmentsController_request',
    summary:
      'Start the yearly re-assessment: every open risk (of the area, if given) not yet reviewed ' +
      'or assessed in that year is asked for one (RiskReassessmentRequested) and needs review in ' +
      'the register until it is reviewed or assessed. Running it again asks no risk twice.',
  })
  @ApiCreatedResponse({ type: RequestReassessmentsResponse })
  @WriteEndpoint()
  request(
    @Body() body: RequestReassessmentsRequest,
    @RequestContext() context: CommandContext,
    @Caller() caller: Principal,
  ): Promise<RequestReassessmentsResponse> {
    return this.commandBus.execute(
      new RequestReassessmentsCommand(body, context, visibilityOf(caller, 'risks.write')),
    );
  }

  @Requires('risks.write')
  @Post(':id/closure')
  @ApiOperation({
    operationId: 'CloseRiskController_close',
    summary:
      'Close a risk: it no longer applies (RiskClosed). A closed risk is not assessed, treated, accepted or reviewed until reopened.',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  close(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: CloseRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'CloseRisk', riskId, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }

  @Requires('risks.write')
  @Post(':id/reopening')
  @ApiOperation({
    operationId: 'ReopenRiskController_reopen',
    summary: 'Reopen a closed risk (RiskReopened)',
  })
  @ApiCreatedResponse({ type: VersionResponse })
  @ApiNotFoundResponse({ description: 'No such risk' })
  @WriteEndpoint({ conditional: true })
  reopen(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: ReopenRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'ReopenRisk', riskId, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
