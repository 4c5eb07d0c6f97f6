import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goalDecider } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ReferenceData } from '../../shared/reference-data';
import { GoalClock } from '../goal-clock';
import { SetGoalCommand } from './set-goal.command';

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly referenceData: ReferenceData,
    private readonly clock: GoalClock,
  ) {}

  async execute({ request, context }: SetGoalCommand): Promise<{ id: string }> {
    const goalId = randomUUID();
    await this.commands.execute({
      decider: goalDecider,
      streamType: 'goal',
      streamId: goalId,
      command: {
        type: 'SetSecurityGoal',
        goalId,
        area: request.area,
        year: request.year,
        text: request.text,
        indicator: request.indicator,
        targetValue: request.targetValue,
        measurementUnit: request.measurementUnit,
        direction: request.direction,
        partlyMetFrom: request.partlyMetFrom,
        activeAreas: await this.referenceData.activeAreaCodes(),
        today: this.clock.today(),
      },
      context,
    });
    return { id: goalId };
  }
}
