import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { goalWrite, WriteToStream } from '../../shared/stream-writes';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { IfMatch, RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { GoalVersionResponse } from '../goal-version.response';
import { WithdrawGoalRequest } from './withdraw-goal.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class WithdrawGoalController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('goals.write')
  @Post(':id/withdrawal')
  @ApiOperation({
    summary: 'Withdraw a goal: no longer measured, shown as withdrawn (SecurityGoalWithdrawn)',
  })
  @ApiCreatedResponse({ type: GoalVersionResponse })
  @ApiParam({
    name: 'id',
    description: 'Id of the goal',
    example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
  })
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  withdraw(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: WithdrawGoalRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        goalWrite({ type: 'WithdrawSecurityGoal', goalId, reason: body.reason }, context, {
          reason: body.reason,
          expectedVersion,
        }),
      ),
    );
  }
}
