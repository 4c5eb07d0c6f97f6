import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { incidentDecider } from '@riskledger/domain';
import { EventSourcedCommands } from '../../shared/event-sourced-commands';
import { InvestigateIncidentCommand } from './investigate-incident.command';

@CommandHandler(InvestigateIncidentCommand)
export class InvestigateIncidentHandler implements ICommandHandler<InvestigateIncidentCommand> {
  constructor(private readonly commands: EventSourcedCommands) {}

  async execute({ incidentId, request, context, expectedVersion }: InvestigateIncidentCommand) {
    const { streamVersion } = await this.commands.execute({
      decider: incidentDecider,
      streamType: 'incident',
      streamId: incidentId,
      command: {
        type: 'InvestigateIncident',
        incidentId,
        findings: request.findings,
        rootCause: request.rootCause,
      },
      context,
      expectedVersion,
    });
    return { version: streamVersion };
  }
}
