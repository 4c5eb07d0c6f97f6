import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { IdentifyRiskCommand } from './identify-risk.command';

@CommandHandler(IdentifyRiskCommand)
export class IdentifyRiskHandler implements ICommandHandler<IdentifyRiskCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ request, context }: IdentifyRiskCommand): Promise<{ id: string }> {
    const riskId = randomUUID();
    await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'IdentifyRisk', riskId, ...request },
      context,
    });
    return { id: riskId };
  }
}
