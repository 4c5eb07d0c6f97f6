import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  Headers,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { GoalCommand } from '@riskledger/domain';
import { GoalRegisterQueries, type GoalRegisterEntry } from '@riskledger/read-models';
import type { Response } from 'express';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { IfMatch, RequestContext } from '../platform/request-context.decorator';
import {
  exportResponse,
  ExportFormatField,
  ExportLanguageField,
  XLSX_TYPE,
  type ExportFormat,
  type ExportLanguage,
} from '../platform/table-export';
import { WriteEndpoint } from '../platform/write-endpoint.decorator';
import type { CommandContext } from '../shared/command-context';
import { FromReadModel } from '../shared/from-read-model';
import { ReferenceData } from '../shared/reference-data';
import { goalWrite, WriteToStream, type WriteOptions } from '../shared/stream-writes';
import { GOAL_COLUMNS } from './export-goals/goal-columns';
import {
  MeasureIndicatorRequest,
  MeasureIndicatorResponse,
  ReviseGoalRequest,
  WithdrawGoalRequest,
} from './goal-changes.request.dto';
import { GoalRegisterEntryResponse } from './goal-register-entry.response';
import { GoalVersionResponse } from './goal-version.response';
import { ListGoalsRequest } from './list-goals/list-goals.request.dto';
import { SetGoalRequest, SetGoalResponse } from './set-goal/set-goal.request.dto';

const GOAL_ID = {
  name: 'id',
  description: 'Id of the goal',
  example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
};

/** GET /goals/export: the list's filters, and the file form. */
export class ExportGoalsRequest extends ListGoalsRequest {
  @ExportFormatField()
  format?: ExportFormat;

  @ExportLanguageField()
  lang?: ExportLanguage;
}

/**
 * Setting a goal, the goals of an area and year as a list or a file, one goal and every change to
 * it. The static routes come before those of an id. Each operation keeps the operationId it had as
 * a controller of its own, which the console's generated types name.
 */
@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    private readonly clock: Clock,
    private readonly referenceData: ReferenceData,
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
  async set(@Body() body: SetGoalRequest, @RequestContext() context: CommandContext) {
    const goalId = randomUUID();
    const activeAreas = await this.referenceData.activeAreaCodes();
    await this.write(
      { type: 'SetSecurityGoal', goalId, ...body, activeAreas, today: this.clock.today() },
      context,
      {},
    );
    return { id: goalId };
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
      at: this.clock.now(),
    });
  }

  private write(
    command: GoalCommand,
    context: CommandContext,
    options: WriteOptions,
  ): Promise<{ version: number }> {
    return this.commandBus.execute(new WriteToStream(goalWrite(command, context, options)));
  }

  @Requires('goals.read')
  @Get(':id')
  @ApiOperation({
    operationId: 'GetGoalController_get',
    summary: 'One goal with its measurements, revisions and fulfilment (its ETag is its version)',
  })
  @ApiOkResponse({ type: GoalRegisterEntryResponse })
  @ApiParam(GOAL_ID)
  @ApiNotFoundResponse({ description: 'No such goal in the goal register' })
  async get(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const entry = await this.queryBus.execute(
      new FromReadModel(GoalRegisterQueries, (goals) => goals.get(goalId)),
    );
    if (!entry) throw new NotFoundException(`goal ${goalId} is not in the goal register`);
    response.setHeader('ETag', `"${entry.version}"`);
    return entry;
  }

  @Requires('goals.write')
  @Post(':id/measurements')
  @ApiOperation({
    operationId: 'MeasureIndicatorController_measure',
    summary: "Record a value of the goal's indicator (IndicatorMeasured)",
  })
  @ApiCreatedResponse({ type: MeasureIndicatorResponse })
  @ApiParam(GOAL_ID)
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  async measure(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: MeasureIndicatorRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const measurementId = body.measurementId ?? randomUUID();
    const { value, measuredOn, note } = body;
    const today = this.clock.today();
    const { version } = await this.write(
      { type: 'MeasureIndicator', goalId, measurementId, value, measuredOn, note, today },
      context,
      { expectedVersion },
    );
    return { measurementId, version };
  }

  @Requires('goals.write')
  @Post(':id/revisions')
  @ApiOperation({
    operationId: 'ReviseGoalController_revise',
    summary:
      "Revise a goal's target and partly-met threshold, with a reason, until its year is " +
      'reported on (SecurityGoalRevised)',
  })
  @ApiCreatedResponse({ type: GoalVersionResponse })
  @ApiParam(GOAL_ID)
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  revise(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: ReviseGoalRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const { targetValue, partlyMetFrom, reason } = body;
    const today = this.clock.today();
    return this.write(
      { type: 'ReviseSecurityGoal', goalId, targetValue, partlyMetFrom, reason, today },
      context,
      { reason, expectedVersion },
    );
  }

  @Requires('goals.write')
  @Post(':id/withdrawal')
  @ApiOperation({
    operationId: 'WithdrawGoalController_withdraw',
    summary: 'Withdraw a goal: no longer measured, shown as withdrawn (SecurityGoalWithdrawn)',
  })
  @ApiCreatedResponse({ type: GoalVersionResponse })
  @ApiParam(GOAL_ID)
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  withdraw(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: WithdrawGoalRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'WithdrawSecurityGoal', goalId, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
