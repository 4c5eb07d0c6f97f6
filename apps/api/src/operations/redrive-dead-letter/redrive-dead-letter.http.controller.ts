import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RequestContext } from '../../platform/request-context.decorator';
import type { CommandContext } from '../../shared/command-context';
import { DeadLetterResponse } from '../dead-letter.response';
import { RedriveDeadLetterCommand } from './redrive-dead-letter.command';
import { Requires } from '../../access/requires.decorator';

@ApiTags('operations')
@Controller('dead-letters')
export class RedriveDeadLetterController {
  constructor(private readonly commandBus: CommandBus) {}

  @Requires('operations')
  @Post(':id/redrive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
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
