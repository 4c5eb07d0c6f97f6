import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { CancelMitigationCommand } from './cancel-mitigation.command';

@CommandHandler(CancelMitigationCommand)
export class CancelMitigationHandler implements ICommandHandler<CancelMitigationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({
    riskId,
    mitigationId,
    request,
    context,
    expectedVersion,
  }: CancelMitigationCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'CancelMitigation', riskId, mitigationId, reason: request.reason },
      context,
      reason: request.reason,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
