import { Body, Controller, Get, Header, Headers, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { hasOpenStages, type Principal } from '@riskledger/domain';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../access/caller.decorator';
import { Requires } from '../access/requires.decorator';
import { RequestContext } from '../platform/request-context.decorator';
import {
  fileResponse,
  formatAccepted,
  selectionOf,
  XLSX_TYPE,
  type ExportFile,
} from '../platform/table-export';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { FromReadModel } from '../shared/from-read-model';
import { ExportIncidentsQuery } from './export-incidents/export-incidents.query';
import {
  ExportIncidentsFileRequest,
  ExportIncidentsRequest,
} from './export-incidents/export-incidents.request.dto';
import { incidentFilterOf } from './incident-filter.request.dto';
import { IncidentRegisterPageResponse } from './incident-register-entry.response';
import { incidentSortOf } from './incident-sort';
import { ListIncidentsRequest } from './list-incidents/list-incidents.request.dto';
import { ListReportingDeadlinesRequest } from './list-reporting-deadlines/list-reporting-deadlines.request.dto';
import {
  ReportingDeadlineResponse,
  ReportingDeadlinesResponse,
} from './list-reporting-deadlines/reporting-deadline.response';
import { IncidentOverviewQuery } from './overview/incident-overview.query';
import { IncidentOverviewRequest } from './overview/incident-overview.request.dto';
import { IncidentOverviewResponse } from './overview/incident-overview.response';
import { ReportIncidentCommand } from './report-incident/report-incident.command';
import {
  ReportIncidentRequest,
  ReportIncidentResponse,
} from './report-incident/report-incident.request.dto';
import { ReportingClocks } from './reporting-clock/reporting-clocks';

const DEFAULT_PAGE_SIZE = 50;
const BAD_QUERY = { description: 'A query value is wrong; the message names it' };

/**
 * Reporting an incident, and the register's views of the incidents the caller may see. Each
 * operation keeps the operationId it had as a controller of its own, which the console's
 * generated types name.
 */
@ApiTags('incidents')
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clocks: ReportingClocks,
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
    return this.queryBus.execute(
      new FromReadModel(IncidentRegisterQueries, (register) =>
        register.list(incidentFilterOf(query), {
          sort: incidentSortOf(query.sort),
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          offset: query.offset ?? 0,
          visibility: visibilityOf(caller, 'incidents.read'),
        }),
      ),
    );
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
    const file = await this.file(query, caller, { format: 'csv', language: 'en', selection: [] });
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
    const file = await this.file(query, caller, {
      format: query.format ?? formatAccepted(accept) ?? 'csv',
      language: query.lang ?? 'sv',
      selection: selectionOf(query),
    });
    return fileResponse(file);
  }

  private file(
    query: ExportIncidentsRequest,
    caller: Principal,
    file: ExportIncidentsQuery['file'],
  ): Promise<ExportFile> {
    return this.queryBus.execute(
      new ExportIncidentsQuery(
        visibilityOf(caller, 'incidents.read'),
        incidentFilterOf(query),
        incidentSortOf(query.sort),
        file,
      ),
    );
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
  overview(@Query() query: IncidentOverviewRequest, @Caller() caller: Principal) {
    return this.queryBus.execute(
      new IncidentOverviewQuery(visibilityOf(caller, 'incidents.read'), incidentFilterOf(query)),
    );
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
    const entries = await this.queryBus.execute(
      new FromReadModel(IncidentRegisterQueries, (register) =>
        register.openOwingReports(owed, visibilityOf(caller, 'incidents.read')),
      ),
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
}
