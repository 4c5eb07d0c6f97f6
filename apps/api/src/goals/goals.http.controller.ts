import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { GoalRegisterQueries, type GoalRegisterEntry } from '@riskledger/read-models';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { RequestContext } from '../platform/request-context.decorator';
import {
  exportResponse,
  ExportFormatField,
  ExportLanguageField,
  selectionOf,
  XLSX_TYPE,
  type ExportFormat,
  type ExportLanguage,
} from '../platform/table-export';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { FromReadModel } from '../shared/from-read-model';
import { GOAL_COLUMNS } from './export-goals/goal-columns';
import { GoalRegisterEntryResponse } from './goal-register-entry.response';
import { ListGoalsRequest } from './list-goals/list-goals.request.dto';
import { SetGoalCommand } from './set-goal/set-goal.command';
import { SetGoalRequest, SetGoalResponse } from './set-goal/set-goal.request.dto';

/** GET /goals/export: the list's filters, and the file form. */
export class ExportGoalsRequest extends ListGoalsRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}

/**
 * Setting a goal, and the goals of an area and year as a list or a file. Each operation keeps the
 * operationId it had as a controller of its own, which the console's generated types name.
 */
@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Requires('goals.write')
  @Post()
  @ApiOperation({
    operationId: 'SetGoalController_set',
    summary:
      "Set a security area's measurable goal for a year, with its indicator (SecurityGoalSet)",
  })
  @ApiCreatedResponse({ type: SetGoalResponse })
  @WriteEndpoint()
  set(@Body() body: SetGoalRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new SetGoalCommand(body, context));
  }

  @Requires('goals.read')
  @Get()
  @ApiOperation({
    operationId: 'ListGoalsController_list',
    summary: 'The security goals, per area and year, with their fulfilment',
  })
  @ApiOkResponse({ type: GoalRegisterEntryResponse, isArray: true })
  list(@Query() query: ListGoalsRequest): Promise<GoalRegisterEntry[]> {
    return this.queryBus.execute(
      new FromReadModel(GoalRegisterQueries, (goals) =>
        goals.list({ area: query.area, year: query.year }),
      ),
    );
  }

  @Requires('goals.read')
  @Get('export')
  @ApiOperation({
    operationId: 'ExportGoalsController_export',
    summary:
      'The security goals as a file, CSV or XLSX, with the same filters as GET /goals: each ' +
      'goal with its target, latest measurement and fulfilment. The XLSX has Swedish headers ' +
      '(English with lang=en), numbers and dates typed, and a second sheet (Urval) naming the filters',
  })
  @ApiProduces('text/csv', XLSX_TYPE)
  @ApiOkResponse({
    description: 'Saved as mal-<Swedish date>.csv or .xlsx',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiBadRequestResponse({ description: 'A query value is wrong; the message names it' })
  async export(@Query() query: ExportGoalsRequest, @Headers('accept') accept: string | undefined) {
    return exportResponse(query, accept, {
      sheet: { sv: 'Mål', en: 'Goals' },
      fileName: 'mal',
      columns: GOAL_COLUMNS,
      rows: await this.list(query),
      selection: selectionOf(query),
      at: this.clock.now(),
    });
  }
}
