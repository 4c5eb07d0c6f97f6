import { FromReadModel } from '../../shared/from-read-model';
import { DeadLetterOperations } from '../dead-letter-operations';
import { deadLetterResponseOf } from '../dead-letter.response';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetterResponse } from '../dead-letter.response';
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
      new FromReadModel(DeadLetterOperations, async (deadLetters) =>
        (await deadLetters.store.list({ pending: query.pending, limit: query.limit ?? 100 })).map(
          deadLetterResponseOf,
        ),
      ),
    );
  }
}
