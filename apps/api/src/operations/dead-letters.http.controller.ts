import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Requires } from '../access/requires.decorator';
import { RequestContext } from '../platform/request-context.decorator';
import type { CommandContext } from '../shared/command-context';
import { FromReadModel } from '../shared/from-read-model';
import { DeadLetterOperations } from './dead-letter-operations';
import { deadLetterResponseOf, DeadLetterResponse } from './dead-letter.response';
import { ListDeadLettersRequest } from './list-dead-letters/list-dead-letters.request.dto';
import { RedriveDeadLetterCommand } from './redrive-dead-letter/redrive-dead-letter.command';

/**
 * The messages consumers set aside, and re-driving one. Each operation keeps the operationId it
 * had as a controller of its own, which the console's generated types name.
 */
@ApiTags('operations')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Requires('operations')
  @Get()
  @ApiOperation({
    operationId: 'ListDeadLettersController_list',
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

  @Requires('operations')
  @Post(':id/redrive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'RedriveDeadLetterController_redrive',
    summary:
      'Send a dead letter back to its original topic, byte for byte under its original key, ' +
      'e.g. after a consumer was upgraded to read it',
  })
  @ApiHeader({ name: 'X-Actor', required: true, description: 'Who re-drives it' })
  @ApiOkResponse({ type: DeadLetterResponse, description: 'Re-driven; the record as it is now' })
  @ApiNotFoundResponse({ description: 'No such dead letter' })
  @ApiServiceUnavailableResponse({ description: 'Kafka is not reachable; nothing was sent' })
  redrive(@Param('id', new ParseUUIDPipe()) id: string, @RequestContext() context: CommandContext) {
    return this.commandBus.execute(new RedriveDeadLetterCommand(id, context));
  }
}
