import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { CloseIncidentCommand } from './close-incident.command';

@CommandHandler(CloseIncidentCommand)
export class CloseIncidentHandler implements ICommandHandler<CloseIncidentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ incidentId, request, context, expectedVersion }: CloseIncidentCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: { type: 'CloseIncident', incidentId, summary: request.summary },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
