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
  hasOpenStages,
  InvalidValueError,
  type IncidentCommand,
  type Principal,
} from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import {
  IncidentRegisterCounts,
  IncidentRegisterQueries,
  ReferenceDataQueries,
  TraceabilityLogQueries,
  type IncidentRegisterFilter,
} from '@riskledger/read-models';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { ReferencedRecords } from '../access/referenced-records';
import { Requires } from '../access/requires.decorator';
import { StreamVisibility } from '../access/stream-visibility';
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
import { exportLabels } from '../shared/export-labels';
import {
  ExportIncidentsFileRequest,
  ExportIncidentsRequest,
} from './export-incidents/export-incidents.request.dto';
import { incidentExportColumns } from './export-incidents/incidents-csv';
import { incidentFilterOf } from './incident-filter.request.dto';
import { IncidentRegisterPageResponse } from './incident-register-entry.response';
import { incidentSortOf } from './incident-sort';
import { ListIncidentsRequest } from './list-incidents/list-incidents.request.dto';
import { ListReportingDeadlinesRequest } from './list-reporting-deadlines/list-reporting-deadlines.request.dto';
import {
  ReportingDeadlineResponse,
  ReportingDeadlinesResponse,
} from './list-reporting-deadlines/reporting-deadline.response';
import { IncidentOverviewRequest } from './overview/incident-overview.request.dto';
import { IncidentOverviewResponse } from './overview/incident-overview.response';
import { ReportIncidentCommand } from './report-incident/report-incident.command';
import {
  ReportIncidentRequest,
  ReportIncidentResponse,
} from './report-incident/report-incident.request.dto';
import { ReportingClocks } from './reporting-clock/reporting-clocks';
import type { Response } from 'express';
import { Clock } from '../platform/clock';
import { HistoryEntryResponse } from '../shared/history-entry.response';
import { StreamHistory } from '../shared/stream-history';
import { incidentWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { DecideIncidentActionsCommand } from './decide-incident-actions/decide-incident-actions.command';
import { DecideIncidentActionsRequest } from './decide-incident-actions/decide-incident-actions.request.dto';
import { ChainEntryResponse } from './get-incident-chain/chain-entry.response';
import {
  AssessPersonalDataRequest,
  CloseIncidentRequest,
  DismissIncidentRequest,
  InvestigateIncidentRequest,
  ReportIncidentToAuthorityRequest,
} from './incident-changes.request.dto';
import { IncidentVersionResponse } from './incident-version.response';
import { LinkIncidentToRiskRequest } from './link-incident-to-risk/link-incident-to-risk.request.dto';
import { IncidentWithClockResponse } from './reporting-clock/reporting-clock.response';

const DEFAULT_PAGE_SIZE = 50;
const BAD_QUERY = { description: 'A query value is wrong; the message names it' };

/**
 * Reporting an incident, the register's views of the incidents the caller may see, one incident,
 * every change to it, its history and its chain. The static routes come before those of an id.
 * Each operation keeps the operationId it had as a controller of its own, which the console's
 * generated types name.
 */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clocks: ReportingClocks,
    private readonly clock: Clock,
    private readonly register: IncidentRegisterQueries,
    private readonly counts: IncidentRegisterCounts,
    private readonly referenceData: ReferenceDataQueries,
    private readonly log: TraceabilityLogQueries,
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
    private readonly records: ReferencedRecords,
    private readonly streamHistory: StreamHistory,
  ) {}

  @Requires('incidents.report')
  @Post()
  @ApiOperation({
    operationId: 'ReportIncidentController_report',
    summary: 'Report an incident, deficiency or near miss (IncidentReported)',
  })
  @ApiCreatedResponse({ type: ReportIncidentResponse })
  @WriteEndpoint()
  report(@Body() body: ReportIncidentRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new ReportIncidentCommand(body, context));
  }

  @Requires('incidents.read')
  @Get()
  @ApiOperation({
    operationId: 'ListIncidentsController_list',
    summary:
      'The incident register: incidents the caller may see that match the filters, sorted, a page at a time, with ' +
      'their links, investigation, actions and outward reports',
  })
  @ApiOkResponse({ type: IncidentRegisterPageResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  list(@Query() query: ListIncidentsRequest, @Caller() caller: Principal) {
    return this.register.list(incidentFilterOf(query), {
      sort: incidentSortOf(query.sort),
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      offset: query.offset ?? 0,
      visibility: visibilityOf(caller, 'incidents.read'),
    });
  }

  @Requires('incidents.read')
  @Get('export.csv')
  @ApiOperation({
    operationId: 'ExportIncidentsController_export',
    summary:
      'The incident register as CSV (RFC 4180, UTF-8), one row per incident the caller ' +
      'may see, with the same ' +
      "filters as GET /incidents; cells that a spreadsheet would run as formulas start with '. " +
      'The same as GET /incidents/export?format=csv, under the file name incidents.csv',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header row, then one row per incident',
    schema: { type: 'string', example: 'incidentId,title,description,kind,...\r\n' },
  })
  @ApiBadRequestResponse(BAD_QUERY)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="incidents.csv"')
  async export(@Query() query: ExportIncidentsRequest, @Caller() caller: Principal) {
    const file = await this.file(query, caller, CSV_EXPORT);
    return file.body;
  }

  @Requires('incidents.read')
  @Get('export')
  @ApiOperation({
    operationId: 'ExportIncidentsController_exportFile',
    summary:
      'The incident register as a file, CSV or XLSX, one row per incident the caller may see, ' +
      'with the same filters as GET /incidents. The XLSX has Swedish headers (English with ' +
      'lang=en), areas, kinds and statuses in words, times as dates (Swedish time) and severity ' +
      'as a number, a frozen header row with an auto filter, and a second sheet (Urval) noting ' +
      'when it was made and the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description:
      'CSV: as GET /incidents/export.csv. XLSX: the same columns. Saved as ' +
      'incidentregister-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse(BAD_QUERY)
  async exportFile(
    @Query() query: ExportIncidentsFileRequest,
    @Headers('accept') accept: string | undefined,
    @Caller() caller: Principal,
  ) {
    return fileResponse(await this.file(query, caller, exportFormOf(query, accept)));
  }

  /** The incidents the caller may see that match the query, as a file. */
  private async file(query: ExportIncidentsRequest, caller: Principal, form: ExportForm) {
    const visibility = visibilityOf(caller, 'incidents.read');
    const sort = incidentSortOf(query.sort);
    const entries = await this.register.all(incidentFilterOf(query), sort, undefined, visibility);
    return exportFileOf(form.format, form.language, {
      sheet: { sv: 'Incidenter', en: 'Incidents' },
      fileName: 'incidentregister',
      columns: incidentExportColumns(await exportLabels(form, this.referenceData)),
      rows: entries,
      selection: form.selection,
      at: this.clock.now(),
    });
  }

  @Requires('incidents.read')
  @Get('overview')
  @ApiOperation({
    operationId: 'IncidentOverviewController_overview',
    summary:
      'The dashboard: counts over the open incidents the caller may see that match the ' +
      'filters, each the total of the incident list it names (GET /incidents with open=true, ' +
      'the same filters and the one the number describes)',
  })
  @ApiOkResponse({ type: IncidentOverviewResponse })
  @ApiBadRequestResponse(BAD_QUERY)
  async overview(
    @Query() query: IncidentOverviewRequest,
    @Caller() caller: Principal,
  ): Promise<IncidentOverviewResponse> {
    const visibility = visibilityOf(caller, 'incidents.read');
    const open: IncidentRegisterFilter = { ...incidentFilterOf(query), open: true };
    const [openByKind, total, outwardReportsMissing] = await Promise.all([
      this.counts.byKind(open, visibility),
      this.counts.count(open, visibility),
      this.counts.count({ ...open, outwardReportsMissing: true }, visibility),
    ]);
    return { openByKind, open: total, outwardReportsMissing };
  }

  @Requires('incidents.read')
  @Get('reporting-deadlines')
  @ApiOperation({
    operationId: 'ListReportingDeadlinesController_list',
    summary:
      'Open reporting deadlines: the open incidents the caller may see (the same scope as ' +
      'GET /incidents) with a stage of an outward report still to make, the most urgent first',
  })
  @ApiOkResponse({ type: ReportingDeadlinesResponse })
  async reportingDeadlines(
    @Query() query: ListReportingDeadlinesRequest,
    @Caller() caller: Principal,
  ): Promise<ReportingDeadlinesResponse> {
    const obligations = await this.clocks.inForce();
    const owed = {
      kinds: [...new Set(obligations.flatMap((o) => o.kinds))],
      personalData: obligations.some((o) => o.personalData),
    };
    const entries = await this.register.openOwingReports(
      owed,
      visibilityOf(caller, 'incidents.read'),
    );
    const deadlines: ReportingDeadlineResponse[] = entries
      .map((entry) => ({ entry, clock: this.clocks.of(entry, obligations) }))
      .filter(({ clock }) => hasOpenStages(clock))
      .map(({ entry, clock }) => {
        const open = clock.flatMap((o) => o.stages).filter((s) => s.status !== 'MET');
        const next = Math.min(...open.map((s) => Date.parse(s.deadline)));
        return {
          incidentId: entry.incidentId,
          title: entry.title,
          kind: entry.kind,
          area: entry.area,
          unit: entry.unit,
          status: entry.status,
          discoveredAt: entry.discoveredAt,
          nextDeadline: new Date(next).toISOString(),
          overdue: open.some((s) => s.status === 'OVERDUE'),
          reportingClock: clock,
        };
      })
      .sort((a, b) => a.nextDeadline.localeCompare(b.nextDeadline));
    return {
      items: deadlines.slice(0, query.limit ?? DEFAULT_PAGE_SIZE),
      total: deadlines.length,
      overdue: deadlines.filter((d) => d.overdue).length,
    };
  }

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
      this.register.get(incidentId, visibilityOf(caller, 'incidents.read')),
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
  async link(
    @Param('id', new ParseUUIDPipe()) incidentId: string,
    @Body() body: LinkIncidentToRiskRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { riskId, relation } = body;
    // A link to a risk that does not exist would make the incident untraceable to it.
    if (!(await this.records.existFor('risk', riskId, context.visibility))) {
      throw new InvalidValueError('riskId', `there is no risk ${riskId}`);
    }
    return this.write({ type: 'LinkIncidentToRisk', incidentId, riskId, relation }, context, {
      expectedVersion,
    });
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
    return this.streamHistory.of('incident', incidentId, caller);
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
    const visibility = visibilityOf(caller, 'history.read');
    // Empty when the caller may not see the incident: to them it does not exist.
    const events = await this.store.readStream(incidentId);
    const chain = (await this.visibility.allows(events, visibility))
      ? await this.log.chainOf(incidentId, visibility.cleared)
      : [];
    if (!chain.some((entry) => entry.link === 'INCIDENT' && entry.streamType === 'incident')) {
      throw new NotFoundException(`incident ${incidentId} is not in the traceability log`);
    }
    return chain;
  }
}
