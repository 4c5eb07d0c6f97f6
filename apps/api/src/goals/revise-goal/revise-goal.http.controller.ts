import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock } from '../../platform/clock';
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
import { ReviseGoalRequest } from './revise-goal.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class ReviseGoalController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Requires('goals.write')
  @Post(':id/revisions')
  @ApiOperation({
    summary:
      "Revise a goal's target and partly-met threshold, with a reason, until its year is " +
      'reported on (SecurityGoalRevised)',
  })
  @ApiCreatedResponse({ type: GoalVersionResponse })
  @ApiParam({
    name: 'id',
    description: 'Id of the goal',
    example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
  })
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  revise(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: ReviseGoalRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new WriteToStream(
        goalWrite(
          {
            type: 'ReviseSecurityGoal',
            goalId,
            targetValue: body.targetValue,
            partlyMetFrom: body.partlyMetFrom,
            reason: body.reason,
            today: this.clock.today(),
          },
          context,
          { reason: body.reason, expectedVersion },
        ),
      ),
    );
  }
}
