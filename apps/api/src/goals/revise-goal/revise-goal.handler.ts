import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goalDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { GoalClock } from '../goal-clock';
import { ReviseGoalCommand } from './revise-goal.command';

@CommandHandler(ReviseGoalCommand)
export class ReviseGoalHandler implements ICommandHandler<ReviseGoalCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly clock: GoalClock,
  ) {}

  async execute({ goalId, request, context, expectedVersion }: ReviseGoalCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: goalDecider,
      streamType: 'goal',
      streamId: goalId,
      command: {
        type: 'ReviseSecurityGoal',
        goalId,
        targetValue: request.targetValue,
        partlyMetFrom: request.partlyMetFrom,
        reason: request.reason,
        today: this.clock.today(),
      },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
