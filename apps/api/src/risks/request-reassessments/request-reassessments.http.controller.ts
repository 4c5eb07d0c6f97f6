import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../../access/requires.decorator';
import { RequestContext } from '../../platform/request-context.decorator';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import type { Principal } from '@riskledger/domain';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { RequestReassessmentsCommand } from './request-reassessments.command';
import {
  RequestReassessmentsRequest,
  RequestReassessmentsResponse,
} from './request-reassessments.request.dto';

@ApiTags('risks')
@Controller('risks')
export class RequestReassessmentsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('risks.write')
  @Post('reassessments')
  @ApiOperation({
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
}
