import { FromReadModel } from '../../shared/from-read-model';
import { GoalRegisterQueries } from '@riskledger/read-models';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GoalRegisterEntryResponse } from '../goal-register-entry.response';
import { ListGoalsRequest } from './list-goals.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('goals')
@Controller('goals')
export class ListGoalsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('goals.read')
  @Get()
  @ApiOperation({ summary: 'The security goals, per area and year, with their fulfilment' })
  @ApiOkResponse({ type: GoalRegisterEntryResponse, isArray: true })
  list(@Query() query: ListGoalsRequest) {
    return this.queryBus.execute(
      new FromReadModel(GoalRegisterQueries, (goals) =>
        goals.list({ area: query.area, year: query.year }),
      ),
    );
  }
}
