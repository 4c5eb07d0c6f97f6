import { randomUUID } from 'node:crypto';
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
import { MeasureIndicatorRequest, MeasureIndicatorResponse } from './measure-indicator.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class MeasureIndicatorController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly clock: Clock,
  ) {}

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
  async measure(
    @Param('id', new ParseUUIDPipe()) goalId: string,
    @Body() body: MeasureIndicatorRequest,
    @RequestContext() context: CommandContext,
    @IfMatch() expectedVersion?: number,
  ) {
    const measurementId = body.measurementId ?? randomUUID();
    const { version } = await this.commandBus.execute(
      new WriteToStream(
        goalWrite(
          {
            type: 'MeasureIndicator',
            goalId,
            measurementId,
            value: body.value,
            measuredOn: body.measuredOn,
            note: body.note,
            today: this.clock.today(),
          },
          context,
          { expectedVersion },
        ),
      ),
    );
    return { measurementId, version };
  }
}
