import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { DeadLetterResponse } from '../dead-letter.response';

export class RedriveDeadLetterCommand extends Command<DeadLetterResponse> {
  constructor(
    readonly id: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
