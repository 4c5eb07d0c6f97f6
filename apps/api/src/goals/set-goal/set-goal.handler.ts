import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandExecutor } from '../../shared/command-executor';
import { goalWrite } from '../../shared/stream-writes';
import { ReferenceData } from '../../shared/reference-data';
import { Clock } from '../../platform/clock';
import { SetGoalCommand } from './set-goal.command';

@CommandHandler(SetGoalCommand)
export class SetGoalHandler implements ICommandHandler<SetGoalCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenceData: ReferenceData,
    private readonly clock: Clock,
  ) {}

  async execute({ request, context }: SetGoalCommand): Promise<{ id: string }> {
    const goalId = randomUUID();
    await this.executor.execute(
      goalWrite(
        {
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
      ),
    );
    return { id: goalId };
  }
}
