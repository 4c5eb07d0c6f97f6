import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { SetGoalRequest } from './set-goal.request.dto';

export class SetGoalCommand extends Command<{ id: string }> {
  constructor(
    readonly request: SetGoalRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}
