import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { DismissIncidentCommand } from './dismiss-incident.command';

@CommandHandler(DismissIncidentCommand)
export class DismissIncidentHandler implements ICommandHandler<DismissIncidentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ incidentId, request, context, expectedVersion }: DismissIncidentCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: { type: 'DismissIncident', incidentId, reason: request.reason },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
