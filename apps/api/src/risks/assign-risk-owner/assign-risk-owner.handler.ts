import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { AssignRiskOwnerCommand } from './assign-risk-owner.command';

@CommandHandler(AssignRiskOwnerCommand)
export class AssignRiskOwnerHandler implements ICommandHandler<AssignRiskOwnerCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, request, context, expectedVersion }: AssignRiskOwnerCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'AssignRiskOwner', riskId, owner: request.owner },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
