import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goalDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { WithdrawGoalCommand } from './withdraw-goal.command';

@CommandHandler(WithdrawGoalCommand)
export class WithdrawGoalHandler implements ICommandHandler<WithdrawGoalCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ goalId, request, context, expectedVersion }: WithdrawGoalCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: goalDecider,
      streamType: 'goal',
      streamId: goalId,
      command: { type: 'WithdrawSecurityGoal', goalId, reason: request.reason },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
