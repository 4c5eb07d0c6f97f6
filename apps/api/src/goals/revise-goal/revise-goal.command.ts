import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { ReviseGoalRequest } from './revise-goal.request.dto';

export class ReviseGoalCommand extends Command<{ version: number }> {
  constructor(
    readonly goalId: string,
    readonly request: ReviseGoalRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
