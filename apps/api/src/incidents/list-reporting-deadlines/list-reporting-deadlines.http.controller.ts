import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { hasOpenStages, type Principal } from '@riskledger/domain';
import { IncidentRegisterQueries } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { FromReadModel } from '../../shared/from-read-model';
import { ReportingClocks } from '../reporting-clock/reporting-clocks';
import { ListReportingDeadlinesRequest } from './list-reporting-deadlines.request.dto';
import {
  ReportingDeadlineResponse,
  ReportingDeadlinesResponse,
} from './reporting-deadline.response';

const DEFAULT_LIMIT = 50;

@ApiTags('incidents')
@Controller('incidents')
export class ListReportingDeadlinesController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly clocks: ReportingClocks,
  ) {}

  @Requires('incidents.read')
  @Get('reporting-deadlines')
  @ApiOperation({
    summary:
      'Open reporting deadlines: the open incidents the caller may see (the same scope as ' +
      'GET /incidents) with a stage of an outward report still to make, the most urgent first',
  })
  @ApiOkResponse({ type: ReportingDeadlinesResponse })
  async list(
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
      items: deadlines.slice(0, query.limit ?? DEFAULT_LIMIT),
      total: deadlines.length,
      overdue: deadlines.filter((d) => d.overdue).length,
    };
  }
}
