import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { MeasureIndicatorCommand } from './measure-indicator.command';
import { MeasureIndicatorRequest, MeasureIndicatorResponse } from './measure-indicator.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class MeasureIndicatorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('goals.write')
  @Post(':id/measurements')
  @ApiOperation({ summary: "Record a value of the goal's indicator (IndicatorMeasured)" })
  @ApiCreatedResponse({ type: MeasureIndicatorResponse })
  @ApiParam({
    name: 'id',
    description: 'Id of the goal',
    example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
  })
  @ApiNotFoundResponse({ description: 'No such goal' })
  @WriteEndpoint({ conditional: true })
  measure(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: MeasureIndicatorRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    return this.commandBus.execute(
      new MeasureIndicatorCommand(goalId, body, context, expectedVersion),
    );
  }
}
