import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { NotFoundError } from '@riskledger/domain';
import { Requires } from '../access/requires.decorator';
import { Clock } from '../platform/clock';
import { RequestContext } from '../platform/request-context.decorator';
import type { CommandContext } from '../shared/command-context';
import { DeadLetterOperations } from './dead-letter-operations';
import { deadLetterResponseOf, DeadLetterResponse } from './dead-letter.response';
import { ListDeadLettersRequest } from './list-dead-letters/list-dead-letters.request.dto';

/**
 * The messages consumers set aside, and re-driving one. Each operation keeps the operationId it
 * had as a controller of its own, which the console's generated types name.
 */
@ApiTags('operations')
@Controller('dead-letters')
export class DeadLettersController {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly deadLetters: DeadLetterOperations,
    private readonly clock: Clock,
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
  async list(@Query() query: ListDeadLettersRequest) {
    const letters = await this.deadLetters.store.list({
      pending: query.pending,
      limit: query.limit ?? 100,
    });
    return letters.map(deadLetterResponseOf);
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
  async redrive(
    @Param('id', new ParseUUIDPipe()) id: string,
    @RequestContext() context: CommandContext,
  ) {
    const letter = await this.deadLetters.store.get(id);
    if (!letter) throw new NotFoundError('dead letter', id);
    // Sent first, then noted: if Kafka is away nothing is noted; a re-drive that reached Kafka but
    // was not noted (the database went away in between) only means the message comes once more,
    // which consumers absorb.
    try {
      await this.deadLetters.redriver.redrive(letter);
    } catch (error) {
      this.logger.warn(`re-drive of ${id} failed: ${(error as Error).message}`);
      throw new ServiceUnavailableException(
        'Kafka is not reachable at the moment; the dead letter was not re-driven. Try again shortly.',
      );
    }
    this.logger.log(`${context.actor} re-drove ${id} to ${letter.topic} (${letter.reason})`);
    const redriven = await this.deadLetters.store.markRedriven(id, context.actor, this.clock.now());
    return deadLetterResponseOf(redriven!);
  }
}
