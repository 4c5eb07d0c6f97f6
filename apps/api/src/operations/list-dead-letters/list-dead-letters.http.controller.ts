import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetterResponse } from '../dead-letter.response';
import { ListDeadLettersQuery } from './list-dead-letters.query';
import { ListDeadLettersRequest } from './list-dead-letters.request.dto';
import { Requires } from '../../access/requires.decorator';

@ApiTags('operations')
@Controller('dead-letters')
export class ListDeadLettersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Requires('operations')
  @Get()
  @ApiOperation({
    summary:
      'Messages consumers set aside, oldest first, with where they came from and why ' +
      '(re-drive them in this order)',
  })
  @ApiOkResponse({ type: DeadLetterResponse, isArray: true })
  list(@Query() query: ListDeadLettersRequest) {
    return this.queryBus.execute(
      new ListDeadLettersQuery({ pending: query.pending, limit: query.limit ?? 100 }),
    );
  }
}
