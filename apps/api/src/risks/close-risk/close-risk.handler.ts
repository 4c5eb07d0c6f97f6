import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { CloseRiskCommand } from './close-risk.command';

@CommandHandler(CloseRiskCommand)
export class CloseRiskHandler implements ICommandHandler<CloseRiskCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, request, context, expectedVersion }: CloseRiskCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'CloseRisk', riskId, reason: request.reason },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
