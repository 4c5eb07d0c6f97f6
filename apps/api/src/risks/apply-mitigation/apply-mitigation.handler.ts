import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { ApplyMitigationCommand } from './apply-mitigation.command';

@CommandHandler(ApplyMitigationCommand)
export class ApplyMitigationHandler implements ICommandHandler<ApplyMitigationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({
    riskId,
    mitigationId,
    request,
    context,
    expectedVersion,
  }: ApplyMitigationCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'ApplyMitigation', riskId, mitigationId, note: request.note },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
