import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { riskDecider } from '@riskledger/domain';
import { randomUUID } from 'node:crypto';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { PlanMitigationCommand } from './plan-mitigation.command';

@CommandHandler(PlanMitigationCommand)
export class PlanMitigationHandler implements ICommandHandler<PlanMitigationCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ riskId, request, context, expectedVersion }: PlanMitigationCommand) {
    const mitigationId = randomUUID();
    const { streamVersion } = await this.commands.execute({
      decider: riskDecider,
      streamType: 'risk',
      streamId: riskId,
      command: { type: 'PlanMitigation', riskId, mitigationId, ...request },
      context,
      expectedVersion,
    });
    return { mitigationId, version: streamVersion };
  }
}
