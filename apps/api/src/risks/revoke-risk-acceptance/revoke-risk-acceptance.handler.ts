import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { RevokeRiskAcceptanceCommand } from './revoke-risk-acceptance.command';

@CommandHandler(RevokeRiskAcceptanceCommand)
export class RevokeRiskAcceptanceHandler implements ICommandHandler<RevokeRiskAcceptanceCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({
    riskId,
    acceptanceId,
    request,
    context,
    expectedVersion,
  }: RevokeRiskAcceptanceCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'RevokeRiskAcceptance', riskId, acceptanceId, reason: request.reason },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
