import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { VerifyMitigationCommand } from './verify-mitigation.command';

@CommandHandler(VerifyMitigationCommand)
export class VerifyMitigationHandler implements ICommandHandler<VerifyMitigationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({
    riskId,
    mitigationId,
    request,
    context,
    expectedVersion,
  }: VerifyMitigationCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'VerifyMitigation', riskId, mitigationId, effect: request.effect },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
