import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { AssessRiskCommand } from './assess-risk.command';

@CommandHandler(AssessRiskCommand)
export class AssessRiskHandler implements ICommandHandler<AssessRiskCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, request, context, expectedVersion }: AssessRiskCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: {
        type: 'AssessRisk',
        riskId,
        likelihood: request.likelihood,
        consequence: request.consequence,
      },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
