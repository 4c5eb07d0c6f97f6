import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { StartMitigationCommand } from './start-mitigation.command';

@CommandHandler(StartMitigationCommand)
export class StartMitigationHandler implements ICommandHandler<StartMitigationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, mitigationId, context, expectedVersion }: StartMitigationCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'StartMitigation', riskId, mitigationId },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
