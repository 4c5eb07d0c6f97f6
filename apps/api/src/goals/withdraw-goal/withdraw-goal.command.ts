import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../shared/command-context';
import type { WithdrawGoalRequest } from './withdraw-goal.request.dto';

export class WithdrawGoalCommand extends Command<{ version: number }> {
  constructor(
    readonly goalId: string,
    readonly request: WithdrawGoalRequest,
    readonly context: CommandContext,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
