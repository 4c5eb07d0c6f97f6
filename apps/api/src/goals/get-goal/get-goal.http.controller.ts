import { FromReadModel } from '../../shared/from-read-model';
import { GoalRegisterQueries } from '@riskledger/read-models';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { GoalRegisterEntryResponse } from '../goal-register-entry.response';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class GetGoalController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('goals.read')
  @Get(':id')
  @ApiOperation({
    summary: 'One goal with its measurements, revisions and fulfilment (its ETag is its version)',
  })
  @ApiOkResponse({ type: GoalRegisterEntryResponse })
  @ApiParam({
    name: 'id',
    description: 'Id of the goal',
    example: '6a1f2e3d-4c5b-4a69-8788-99aabbccddee',
  })
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
}
