import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../platform/request-context.decorator';
import { WriteEndpoint } from '../../platform/write-endpoint.decorator';
import type { CommandContext } from '../../shared/command-context';
import { SetGoalCommand } from './set-goal.command';
import { SetGoalRequest, SetGoalResponse } from './set-goal.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class SetGoalController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('goals.write')
  @Post()
  @ApiOperation({
    summary:
      "Set a security area's measurable goal for a year, with its indicator (SecurityGoalSet)",
  })
  @ApiCreatedResponse({ type: SetGoalResponse })
  @WriteEndpoint()
  set(@Body() body: SetGoalRequest, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new SetGoalCommand(body, context));
  }
}
