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
import { FOLLOWED_LIMIT, TraceabilityLogQueries } from '@riskledger/read-models';
import { Caller, visibilityOf } from '../../access/caller.decorator';
import { Requires } from '../../access/requires.decorator';
import { WholeNumberPipe } from '../../platform/whole-number.pipe';
import { FromReadModel } from '../../shared/from-read-model';
import { FollowedEventsResponse } from './followed-events.response';

@ApiTags('traceability')
@Controller('traceability')
export class GetFollowedEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('log.read')
  @Get(':position/followed')
  @ApiOperation({
    summary:
      'What followed from one event of the log: everything recorded because of it (causation), ' +
      'and because of that in turn, to the end; a tree by each entry’s causationId',
  })
  @ApiOkResponse({ type: FollowedEventsResponse })
  @ApiBadRequestResponse({ description: 'The position is not a whole number' })
  @ApiNotFoundResponse({ description: 'No entry there, or one the caller may not see' })
  async followed(
    @Param('position', new WholeNumberPipe(Number.MAX_SAFE_INTEGER)) position: number,
    @Caller() caller: Principal,
  ): Promise<FollowedEventsResponse> {
    const entries = await this.queryBus.execute(
      new FromReadModel(TraceabilityLogQueries, (log) =>
        log.followedFrom(position, visibilityOf(caller, 'log.read').cleared),
      ),
    );
    if (!entries) throw new NotFoundException(`no entry at position ${position} in the log`);
    return {
      entries: entries.slice(0, FOLLOWED_LIMIT),
      complete: entries.length <= FOLLOWED_LIMIT,
    };
  }
}
