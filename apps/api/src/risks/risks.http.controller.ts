import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Post,
  Query,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiNotFoundResponse,
} from '@nestjs/swagger';
import {
  InvalidValueError,
  type Principal,
  type RiskCommand,
  type Visibility,
} from '@riskledger/domain';
import {
  ReferenceDataQueries,
  registerChanges,
  RiskRegisterAsOf,
  RiskRegisterQueries,
  viewOf,
  type RiskRegisterFilter,
  type RiskRegisterView,
  type RiskSort,
} from '@riskledger/read-models';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { RestrictedReads } from '../access/restricted-reads';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { RequestContext, IfMatch } from '../platform/request-context.decorator';
import {
  CSV_EXPORT,
  exportFileOf,
  exportFormOf,
  fileResponse,
  XLSX_TYPE,
  type ExportForm,
} from '../platform/table-export';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { RiskFilterAsOfRequest } from './as-of/risk-filter-as-of.request.dto';
import { restrictedIds } from './restricted-ids';
import {
  ExportRisksFileRequest,
  ExportRisksRequest,
} from './export-risks/export-risks.request.dto';
import { riskExportColumns } from './export-risks/risks-csv';
import { IdentifyRiskCommand } from './identify-risk/identify-risk.command';
import {
  IdentifyRiskRequest,
  IdentifyRiskResponse,
} from './identify-risk/identify-risk.request.dto';
import { ListRisksRequest } from './list-risks/list-risks.request.dto';
import { RiskRegisterPageResponse } from './list-risks/risk-register-page.response';
import { RiskOverview } from './overview/risk-overview';
import { RiskOverviewRequest } from './overview/risk-overview.request.dto';
import { RiskOverviewResponse } from './overview/risk-overview.response';
import { RegisterChangesRequest } from './register-changes/register-changes.request.dto';
import { RegisterChangesResponse } from './register-changes/register-changes.response';
import { riskFilterOf } from './risk-filter.request.dto';
import { RiskMatrixCountsResponse } from './risk-matrix-counts/risk-matrix-counts.response';
import { RiskMoments } from './risk-moments';
import { riskSortOf } from './risk-sort';
import { RiskTrend } from './trend/risk-trend';
import { RiskTrendRequest } from './trend/risk-trend.request.dto';
import { RiskTrendResponse } from './trend/risk-trend.response';
import type { Response } from 'express';
import { exportLabels } from '../shared/export-labels';
import { HistoryEntryResponse } from '../shared/history-entry.response';
import { ReferenceData } from '../shared/reference-data';
import { StreamHistory } from '../shared/stream-history';
import { riskWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { VersionResponse } from '../shared/version.response';
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
import { GetRiskRequest } from './get-risk/get-risk.request.dto';
import { RiskRegisterEntryResponse } from './risk-register-entry.response';

const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_MONTHS = 24;
const CSV_COLUMNS =
  'riskId, title, scenario, areas, unit, owner, status, classification, inherentLevel, ' +
  'inherentScore, currentLevel, currentScore, targetLevel, targetScore, nextReviewDate, ' +
  'needsReview, acceptanceLapsesOn, openMitigations';
const BAD_QUERY = { description: 'A query value is wrong; the message names it' };

/**
 * Identifying a risk, the register's views of the risks the caller may see, one risk, its history
 * and every change to it. The static routes come before those of an id. Each operation keeps the
 * operationId it had as a controller of its own, which the console's generated types name.
 */
@ApiTags('risks')
@Controller('risks')
export class RisksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly restrictedReads: RestrictedReads,
    private readonly clock: Clock,
    private readonly register: RiskRegisterQueries,
    private readonly registerAsOf: RiskRegisterAsOf,
    private readonly referenceDataQueries: ReferenceDataQueries,
    private readonly referenceData: ReferenceData,
    private readonly moments: RiskMoments,
    private readonly riskOverview: RiskOverview,
    private readonly riskTrend: RiskTrend,
    private readonly streamHistory: StreamHistory,
  ) {}

  @Requires('risks.write')
  @Post()
  @ApiOperation({
    operationId: 'IdentifyRiskController_identify',
    summary: 'Identify a risk (RiskIdentified, and RiskAssessed when scored)',
  })
  @ApiCreatedResponse({ type: IdentifyRiskResponse })
  @WriteEndpoint()
  identify(@Body() body: IdentifyRiskRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new IdentifyRiskCommand(body, context));
  }

  @Requires('risks.read')
  @Get()
  @ApiOperation({
    operationId: 'ListRisksController_list',
    summary:
      'The risk register: the risks the caller may see that match the filters, sorted, a page ' +
      'at a time; now, or as they stood at a past moment (asOf)',
  })
  @ApiOkResponse({ type: RiskRegisterPageResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  async list(@Query() query: ListRisksRequest, @Caller() caller: Principal) {
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    const page = await this.page(
      visibilityOf(caller, 'risks.read'),
      riskFilterOf(query),
      riskSortOf(query.sort),
      { limit: query.limit ?? DEFAULT_PAGE_SIZE, offset: query.offset ?? 0 },
      asOf,
    );
    await this.restrictedReads.record(
      caller,
      restrictedIds(page.items),
      asOf ? `GET /risks?asOf=${asOf.toISOString()}` : 'GET /risks',
    );
    return page;
  }

  private async page(
    visibility: Visibility,
    filter: RiskRegisterFilter,
    sort: RiskSort,
    window: { limit: number; offset: number },
    asOf: Date | undefined,
  ) {
    const moment = await this.moments.at(asOf);
    const page = await this.registerAt(asOf).page(
      filter,
      { visibility, moment },
      { sort, ...window },
    );
    return { ...page, items: page.items.map((entry) => viewOf(entry, moment)) };
  }

  @Requires('risks.read')
  @Get('export.csv')
  @ApiOperation({
    operationId: 'ExportRisksController_export',
    summary:
      'The risk register as CSV (RFC 4180, UTF-8), one row per risk the caller may see, with ' +
      "the same filters as GET /risks; cells that a spreadsheet would run as formulas start with '. " +
      'The same as GET /risks/export?format=csv, under the file name risks.csv',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      `A header row (${CSV_COLUMNS}), then one row per risk; ` +
      'current is the headline assessment (the inherent one while no current exists)',
    schema: { type: 'string', example: 'riskId,title,scenario,areas,unit,...\r\n' },
  })
  @ApiBadRequestResponse(BAD_QUERY)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="risks.csv"')
  async export(@Query() query: ExportRisksRequest, @Caller() caller: Principal) {
    const file = await this.file(query, caller, CSV_EXPORT, 'GET /risks/export.csv');
    return file.body;
  }

  @Requires('risks.read')
  @Get('export')
  @ApiOperation({
    operationId: 'ExportRisksController_exportFile',
    summary:
      'The risk register as a file, CSV or XLSX, one row per risk the caller may see, with the ' +
      'same filters as GET /risks. The XLSX has Swedish headers (English with lang=en), areas, ' +
      'levels and statuses in words, dates as dates and scores as numbers, a frozen header row ' +
      'with an auto filter, and a second sheet (Urval) noting when it was made and the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description:
      `CSV: a header row (${CSV_COLUMNS}), then one row per risk. XLSX: the same columns. ` +
      'Saved as riskregister-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse(BAD_QUERY)
  async exportFile(
    @Query() query: ExportRisksFileRequest,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
  ) {
    const form = exportFormOf(query, accept);
    const what = `GET /risks/export?format=${form.format}`;
    return fileResponse(await this.file(query, caller, form, what));
  }

  /** The risks the caller may see that match the query, as a file; `what` is the request read. */
  private async file(query: ExportRisksRequest, caller: Principal, form: ExportForm, what: string) {
    const moment = await this.moments.at();
    const visibility = visibilityOf(caller, 'risks.read');
    const sort = riskSortOf(query.sort);
    const entries = await this.register.list(riskFilterOf(query), { visibility, moment }, sort);
    await this.restrictedReads.record(caller, restrictedIds(entries), what);
    return exportFileOf(form.format, form.language, {
      sheet: { sv: 'Riskregister', en: 'Risk register' },
      fileName: 'riskregister',
      columns: riskExportColumns(await exportLabels(form, this.referenceDataQueries)),
      rows: entries.map((entry) => viewOf(entry, moment)),
      selection: form.selection,
      at: this.clock.now(),
    });
  }

  @Requires('risks.read')
  @Get('matrix')
  @ApiOperation({
    operationId: 'RiskMatrixCountsController_counts',
    summary:
      'The 5×5 risk matrix of counts: how many of the risks the caller may see that match the ' +
      'filters (as GET /risks) lie in each cell, for the inherent, current and target ' +
      'assessments; now, or as they stood at a past moment (asOf). Rows are likelihood 1..5, columns consequence 1..5 ' +
      '(inherent[likelihood - 1][consequence - 1])',
  })
  @ApiOkResponse({ type: RiskMatrixCountsResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  async counts(@Query() query: RiskFilterAsOfRequest, @Caller() caller: Principal) {
    const visibility = visibilityOf(caller, 'risks.read');
    const filter = riskFilterOf(query);
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    return this.registerAt(asOf).matrix(filter, {
      visibility,
      moment: await this.moments.at(asOf),
    });
  }

  @Requires('risks.read')
  @Get('changes')
  @ApiOperation({
    operationId: 'RegisterChangesController_changes',
    summary:
      'What changed in the register between two moments, from the log: the risks the caller may ' +
      'see that match the filters (as they stood at the later moment) and appeared, closed, ' +
      'reopened or changed level. Reads the log twice: seconds on a large one.',
  })
  @ApiOkResponse({ type: RegisterChangesResponse })
  @ApiBadRequestResponse({ description: 'A moment or filter is wrong; the message names it' })
  async changes(@Query() query: RegisterChangesRequest, @Caller() caller: Principal) {
    const from = new Date(query.from);
    const now = this.clock.now();
    const to = new Date(Math.min(new Date(query.to).getTime(), now.getTime()));
    if (from >= to) throw new InvalidValueError('from', 'must be before to (and before now)');
    const visibility = visibilityOf(caller, 'risks.read');
    const filter = riskFilterOf(query);
    const linesAt = async (asOf: Date, found: RiskRegisterFilter) =>
      this.registerAt(asOf).lines(found, { visibility, moment: await this.moments.at(asOf) });
    // Those found at the later moment; the earlier register whole, to tell what is new.
    const [before, after] = await Promise.all([linesAt(from, {}), linesAt(to, filter)]);
    const changes = registerChanges(before, after);
    const { appeared, closed, reopened, levelChanged } = changes;
    const listed = new Set(
      [...appeared, ...closed, ...reopened, ...levelChanged].map((change) => change.riskId),
    );
    await this.restrictedReads.record(
      caller,
      restrictedIds(after.filter((risk) => listed.has(risk.riskId))),
      `GET /risks/changes?from=${from.toISOString()}&to=${to.toISOString()}`,
    );
    return { from: from.toISOString(), to: to.toISOString(), ...changes };
  }

  @Requires('risks.read')
  @Get('overview')
  @ApiOperation({
    operationId: 'RiskOverviewController_overview',
    summary:
      'The dashboard: counts over the open risks the caller may see that match the filters, ' +
      'each the total of the register list it names (GET /risks with status=OPEN, the same ' +
      'filters and the one the number describes)',
  })
  @ApiOkResponse({ type: RiskOverviewResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  overview(@Query() query: RiskOverviewRequest, @Caller() caller: Principal) {
    return this.riskOverview.of(visibilityOf(caller, 'risks.read'), riskFilterOf(query));
  }

  @Requires('risks.read')
  @Get('trend')
  @ApiOperation({
    operationId: 'RiskTrendController_trend',
    summary:
      'The register over time: the open risks the caller may see that match the filters, by ' +
      'headline level (as the register held it: the current assessment, or the inherent one ' +
      'while none), at the end of each of the last months, from the event log',
  })
  @ApiOkResponse({ type: RiskTrendResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  trend(@Query() query: RiskTrendRequest, @Caller() caller: Principal) {
    const visibility = visibilityOf(caller, 'risks.read');
    return this.riskTrend.of(visibility, riskFilterOf(query), query.months ?? DEFAULT_MONTHS);
  }

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
    const asOf = query.asOf ? new Date(query.asOf) : undefined;
    const view = await this.visibleRisk(riskId, visibilityOf(caller, 'risks.read'), asOf);
    if (!view) {
      throw new NotFoundException(
        asOf
          ? `risk ${riskId} was not in the register at ${query.asOf}`
          : `risk ${riskId} is not in the register`,
      );
    }
    await this.restrictedReads.record(
      caller,
      restrictedIds([view]),
      asOf ? `GET /risks/${riskId}?asOf=${asOf.toISOString()}` : `GET /risks/${riskId}`,
    );
    if (!asOf) response.setHeader('ETag', `"${view.version}"`);
    return view;
  }

  /** The risk now, or as it was at a moment; null when the caller may not see it. */
  private async visibleRisk(
    riskId: string,
    visibility: Visibility,
    asOf: Date | undefined,
  ): Promise<RiskRegisterView | null> {
    const entry = await this.registerAt(asOf).get(riskId, visibility);
    return entry && viewOf(entry, await this.moments.at(asOf));
  }

  /** The live register, or the register as it stood at a past moment: the same reads over either. */
  private registerAt(asOf: Date | undefined) {
    return asOf ? this.registerAsOf.at(asOf) : this.register;
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
    return this.streamHistory.of('risk', riskId, caller);
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
  async accept(
    @Param('id', new ParseUUIDPipe()) riskId: string,
    @Body() body: AcceptRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ): Promise<AcceptRiskResponse> {
    const acceptanceId = randomUUID();
    const { justification, lapsesOn } = body;
    const { version } = await this.write(
      {
        type: 'AcceptRisk',
        riskId,
        acceptanceId,
        justification,
        roles: context.roles,
        lapsesOn,
        matrix: await this.referenceData.currentMatrix(),
        today: this.clock.today(),
      },
      context,
      { reason: justification, expectedVersion },
    );
    return { acceptanceId, version };
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
