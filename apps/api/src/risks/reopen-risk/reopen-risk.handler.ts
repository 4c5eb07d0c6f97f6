import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ReopenRiskCommand } from './reopen-risk.command';

@CommandHandler(ReopenRiskCommand)
export class ReopenRiskHandler implements ICommandHandler<ReopenRiskCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, request, context, expectedVersion }: ReopenRiskCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'ReopenRisk', riskId, reason: request.reason },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
