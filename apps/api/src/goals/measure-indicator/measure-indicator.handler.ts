import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { goalDecider } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { GoalClock } from '../goal-clock';
import { MeasureIndicatorCommand } from './measure-indicator.command';

@CommandHandler(MeasureIndicatorCommand)
export class MeasureIndicatorHandler implements ICommandHandler<MeasureIndicatorCommand> {
  constructor(
    private readonly commands: EventSourcedCommands,
    private readonly clock: GoalClock,
  ) {}

  async execute({ goalId, request, context, expectedVersion }: MeasureIndicatorCommand) {
    const measurementId = request.measurementId ?? randomUUID();
    const { streamVersion } = await this.commands.execute({
      decider: goalDecider,
      streamType: 'goal',
      streamId: goalId,
      command: {
        type: 'MeasureIndicator',
        goalId,
        measurementId,
        value: request.value,
        measuredOn: request.measuredOn,
        note: request.note,
        today: this.clock.today(),
      },
      context,
      expectedVersion,
    });
    return { measurementId, version: streamVersion };
  }
}
