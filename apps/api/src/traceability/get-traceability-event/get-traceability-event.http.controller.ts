import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@riskledger/domain';
import { TraceabilityLogQueries } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { WholeNumberPipe } from '../../platform/whole-number.pipe';
import { FromReadModel } from '../../shared/from-read-model';
import { TraceabilityEventResponse } from '../traceability-entry.response';

@ApiTags('traceability')
@Controller('traceability')
export class GetTraceabilityEventController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('log.read')
  @Get(':position')
  @ApiOperation({
    summary:
      'One entry of the traceability log by its position, with the event as the store holds ' +
      'it: its data, metadata and the hash that chains it to the one before',
  })
  @ApiOkResponse({ type: TraceabilityEventResponse })
  @ApiBadRequestResponse({ description: 'The position is not a whole number' })
  @ApiNotFoundResponse({ description: 'No entry there, or one the caller may not see' })
  async get(
    @Param('position', new WholeNumberPipe(Number.MAX_SAFE_INTEGER)) position: number,
    @Caller() caller: Principal,
  ) {
    const event = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        log.event(position, visibilityOf(caller, 'log.read').cleared),
      ),
    );
    if (!event) throw new NotFoundException(`no entry at position ${position} in the log`);
    return event;
  }
}
