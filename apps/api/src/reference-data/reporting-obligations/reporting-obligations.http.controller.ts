import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { ReportingObligationCommand } from '@riskledger/domain';
import { ReportingObligationQueries } from '@riskledger/read-models';
import { Requires } from '../../access/requires.decorator';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { FromReadModel } from '../../shared/from-read-model';
import {
  reportingObligationWrite,
  WriteToStream,
  type WriteOptions,
} from '../../shared/stream-writes';
import { AreaCodeParam } from '../code-param.pipe';
import {
  RegisterReportingObligationRequest,
  ReportingObligationBodyRequest,
  RetireReportingObligationRequest,
} from './reporting-obligation.request.dto';
import {
  ReportingObligationChangedResponse,
  ReportingObligationResponse,
} from './reporting-obligation.response';

/**
 * The reporting obligations and their changes. Each operation keeps the operationId it had as a
 * controller of its own, which the console's generated types name.
 */
@ApiTags('reference data')
@Controller('reporting-obligations')
export class ReportingObligationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  private async write(
    command: ReportingObligationCommand,
    context: CommandContext,
    options?: WriteOptions,
  ): Promise<ReportingObligationChangedResponse> {
    const { version } = await this.commandBus.execute(
      new WriteToStream(reportingObligationWrite(command, context, options)),
    );
    return { code: command.code, version };
  }

  @Requires('reference.read')
  @Get()
  @ApiOperation({
    operationId: 'ListReportingObligationsController_list',
    summary:
      'The reporting obligations: which incidents must be reported to which authority, in which ' +
      'stages, within how many hours of discovery; the four seeded and those the region added, ' +
      'retired ones flagged',
  })
  @ApiOkResponse({ type: ReportingObligationResponse, isArray: true })
  list() {
    return this.queryBus.execute(
      new FromReadModel(ReportingObligationQueries, (queries) => queries.all()),
    );
  }

  @Requires('reference.write')
  @Post()
  @ApiOperation({
    operationId: 'RegisterReportingObligationController_register',
    summary:
      "Add one of the region's own reporting obligations (ReportingObligationRegistered); 409 if the code is taken",
  })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @WriteEndpoint()
  register(
    @Body() body: RegisterReportingObligationRequest,
    @RequestContext() context: CommandContext,
  ) {
    return this.write({ type: 'RegisterReportingObligation', ...body }, context);
  }

  @Requires('reference.write')
  @Post(':code/revisions')
  @ApiOperation({
    operationId: 'ReviseReportingObligationController_revise',
    summary:
      'Change a reporting obligation as a whole (ReportingObligationRevised): the clock of every ' +
      'open incident counts with it from now on; 409 if nothing changed or it is retired',
  })
  @ApiParam({ name: 'code', example: 'MSB_SIGNIFICANT_IT_INCIDENT' })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such reporting obligation' })
  @WriteEndpoint({ conditional: true })
  revise(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: ReportingObligationBodyRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'ReviseReportingObligation', ...body, code }, context, {
      expectedVersion,
    });
  }

  @Requires('reference.write')
  @Post(':code/retirement')
  @ApiOperation({
    operationId: 'RetireReportingObligationController_retire',
    summary:
      'Retire a reporting obligation (ReportingObligationRetired): no incident owes it from now on',
  })
  @ApiParam({ name: 'code', example: 'IVO_LEX_MARIA' })
  @ApiCreatedResponse({ type: ReportingObligationChangedResponse })
  @ApiNotFoundResponse({ description: 'No such reporting obligation' })
  @WriteEndpoint({ conditional: true })
  retire(
    @Param('code', AreaCodeParam()) code: string,
    @Body() body: RetireReportingObligationRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.write({ type: 'RetireReportingObligation', code, reason: body.reason }, context, {
      reason: body.reason,
      expectedVersion,
    });
  }
}
